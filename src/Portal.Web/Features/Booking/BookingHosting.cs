namespace Portal.Web.Features.Booking;

public static class BookingHosting
{
    /// <summary>The booking services and the live updates.</summary>
    public static IHostApplicationBuilder AddBooking(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<BookingUpdates>();
        services.AddSingleton<SlotGenerator>();
        services.AddSingleton<InvestorBooking>();
        services.AddSingleton<AdviserDesk>();
        return builder;
    }
}
