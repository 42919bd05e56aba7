using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Booking.DemoData;
using Portal.Web.Features.Booking.Model;

namespace Portal.Web.Features.Booking;

public static class BookingHosting
{
    /// <summary>Turns the reminders' background service off (on by default).</summary>
    public const string RemindersEnabledKey = "Booking:RemindersEnabled";

    public const string PhotoRoute = "/advisers/{adviserId:int}/photo";

    public static string PhotoPath(int adviserId) => "/advisers/" + adviserId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/photo";

    /// <summary>The booking services, the booking setting, the live updates and the reminders.</summary>
    public static IHostApplicationBuilder AddBooking(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<BookingRulesSetting>();
        services.AddSingleton<BookingUpdates>();
        services.AddSingleton<SlotGenerator>();
        services.AddSingleton<BookingStore>();
        services.AddSingleton<InvestorBooking>();
        services.AddSingleton<AdviserDesk>();
        services.AddSingleton<AppointmentCalendarFile>();
        services.AddSingleton<BookingReminders>();
        services.AddScoped<IDemoDataSeeder, BookingDemoSeeder>();
        if (builder.Configuration.GetValue(RemindersEnabledKey, true))
        {
            services.AddHostedService<BookingReminderService>();
        }

        return builder;
    }

    /// <summary>The .ics download (<see cref="AppointmentCalendarFile.Route"/>) and the advisers' photos (<see cref="PhotoRoute"/>).</summary>
    public static WebApplication MapBooking(this WebApplication app)
    {
        app.MapGet(AppointmentCalendarFile.Route, async (int id, HttpContext context, AppointmentCalendarFile files, CancellationToken cancellationToken) =>
        {
            if (await files.FindAsync(context.GetActor(), id, cancellationToken) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(file.Content), AppointmentCalendarFile.ContentType + "; charset=utf-8", file.FileName);
        }).RequireAuthorization();

        app.MapGet(PhotoRoute, async (int adviserId, HttpContext context, BookingStore store, CancellationToken cancellationToken) =>
        {
            await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
            var photo = await db.Set<AdviserPhoto>().AsNoTracking().SingleOrDefaultAsync(p => p.AdviserId == adviserId, cancellationToken);
            if (photo is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, max-age=300";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + photo.UpdatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"");
            return Results.File(photo.Content, photo.ContentType, lastModified: photo.UpdatedAt, entityTag: tag);
        }).RequireAuthorization();
        return app;
    }
}
