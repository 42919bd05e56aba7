namespace Portal.Web.Features.Booking;

/// <summary>Lengths and ranges of the booking fields, and the profile defaults of booking-api.md.</summary>
public static class BookingLimits
{
    public const int MaxBio = 1_000;
    public const int MaxListText = 1_000;
    public const int MaxListItems = 10;
    public const int MaxListItem = 60;
    public const int MaxNote = 200;
    public const int MaxTopic = 120;
    public const int MaxText = 4_000;
    public const int MaxReason = 500;
    public const int MaxPhotoBytes = 2 * 1024 * 1024;
    public const int MaxPageSize = 100;
    public const int MaxSlotDays = 62;

    public const int DefaultBufferMinutes = 10;
    public const int DefaultNoticeHours = 24;
    public const int DefaultHorizonDays = 30;
    public const int DefaultDailyCap = 6;

    public const int MaxBufferMinutes = 120;
    public const int MaxNoticeHours = 24 * 14;
    public const int MaxHorizonDays = 180;
    public const int MaxDailyCap = 20;

    /// <summary>The meeting types every profile has (each can be switched off): phone 30, video 30, video 60, branch 60.</summary>
    public static readonly IReadOnlyList<(MeetingMode Mode, int Minutes)> StandardMeetingTypes =
        [(MeetingMode.Phone, 30), (MeetingMode.Video, 30), (MeetingMode.Video, 60), (MeetingMode.Branch, 60)];
}
