namespace Portal.Web.Features.Notifications.Sms;

/// <summary>A text message the development SMS sink recorded instead of sending.</summary>
public sealed class SmsSinkMessage
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
