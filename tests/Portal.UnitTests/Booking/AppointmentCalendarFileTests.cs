using IcsCalendar = Ical.Net.Calendar;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Booking;
using Portal.Web.Features.Booking.Model;
using Portal.Web.Features.Notifications;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.UnitTests.Booking;

/// <summary>The .ics of an appointment: a calendar app adds it, and once cancelled or declined the next file removes the same event.</summary>
public sealed class AppointmentCalendarFileTests
{
    private static readonly PublicLinks Links = new(Options.Create(new PortalOptions { PublicBaseUrl = "https://portal.example.cn" }));

    private static readonly IStringLocalizer<BookingText> Text = new StringLocalizer<BookingText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Fact]
    public void A_confirmed_appointment_is_a_request_to_add_the_event()
    {
        var file = Parse(AppointmentCalendarFile.Build(Appointment(AppointmentStatus.Confirmed, version: 2), forAdviser: false, Links, Text));

        Assert.Equal("REQUEST", file.Method);
        var meeting = Assert.Single(file.Events);
        Assert.Equal("appointment-42@portal.example.cn", meeting.Uid);
        Assert.Equal(2, meeting.Sequence);
        Assert.Equal("CONFIRMED", meeting.Status);
        Assert.Equal("Meeting with 孙伟", meeting.Summary);
        Assert.Equal(new DateTime(2026, 12, 10, 2, 0, 0, DateTimeKind.Utc), meeting.Start!.AsUtc);
        Assert.Equal(new Uri("https://portal.example.cn/appointments"), meeting.Url);
    }

    [Theory]
    [InlineData(AppointmentStatus.CancelledByInvestor, false)]
    [InlineData(AppointmentStatus.CancelledByAdviser, false)]
    [InlineData(AppointmentStatus.Declined, false)]
    [InlineData(AppointmentStatus.CancelledByInvestor, true)]
    public void A_cancelled_or_declined_appointment_cancels_the_same_event_with_a_higher_sequence(AppointmentStatus status, bool forAdviser)
    {
        var added = Parse(AppointmentCalendarFile.Build(Appointment(AppointmentStatus.Confirmed, version: 2), forAdviser, Links, Text)).Events.Single();

        var text = AppointmentCalendarFile.Build(Appointment(status, version: 3), forAdviser, Links, Text);

        Assert.Contains("METHOD:CANCEL", text.Split("\r\n"));
        var removed = Assert.Single(Parse(text).Events);
        Assert.Equal(added.Uid, removed.Uid);
        Assert.True(removed.Sequence > added.Sequence, $"SEQUENCE {removed.Sequence} is not above {added.Sequence}.");
        Assert.Equal("CANCELLED", removed.Status);
        Assert.Equal(added.Start, removed.Start);
        Assert.True(AppointmentCalendarFile.Removes(status));
    }

    [Theory]
    [InlineData(AppointmentStatus.Requested, "TENTATIVE")]
    [InlineData(AppointmentStatus.Completed, "CONFIRMED")]
    [InlineData(AppointmentStatus.NoShow, "CONFIRMED")]
    public void Requested_and_past_meetings_stay_in_the_calendar(AppointmentStatus status, string eventStatus)
    {
        var file = Parse(AppointmentCalendarFile.Build(Appointment(status, version: 4), forAdviser: false, Links, Text));

        Assert.Equal("REQUEST", file.Method);
        Assert.Equal(eventStatus, file.Events.Single().Status);
        Assert.False(AppointmentCalendarFile.Removes(status));
    }

    private static IcsCalendar Parse(string text) => IcsCalendar.Load(text) ?? throw new InvalidOperationException("Not an iCalendar file: " + text);

    private static Appointment Appointment(AppointmentStatus status, int version) => new()
    {
        Id = 42,
        Adviser = new AdviserProfile { Id = 1, UserId = "adviser-1", Name = "孙伟" },
        AdviserId = 1,
        InvestorName = "陈建华",
        Topic = "Review of my bond funds",
        StartUtc = new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero),
        EndUtc = new DateTimeOffset(2026, 12, 10, 2, 30, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero),
        Status = status,
        Version = version,
    };
}
