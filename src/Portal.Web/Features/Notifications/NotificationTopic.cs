namespace Portal.Web.Features.Notifications;

/// <summary>What a notification is about; people choose their channels per topic.</summary>
public enum NotificationTopic
{
    Security = 0,
    StatementReady = 1,
    FailedTransaction = 2,
    CaseUpdates = 3,
    ChatMissed = 4,
    AppointmentReminders = 5,
    Announcements = 6,
    MarketNotices = 7,
    CareGreetings = 8,
}

/// <summary>How a notification reaches its recipient.</summary>
public enum NotificationChannel
{
    Inbox = 0,
    Email = 1,
    Sms = 2,
}
