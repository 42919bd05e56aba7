namespace Portal.Web.Resources;

// Each marker names one pair of .resx files in this folder (Name.resx and Name.zh-Hans.resx).

/// <summary>The shell: app bar, navigation, status pages, shared words.</summary>
public sealed class UiText;

/// <summary>Sign-in, activation, password and profile pages, account e-mails and the role homes.</summary>
public sealed class AccountsText;

/// <summary>Notifications: the inbox, the bell, preferences, unsubscribe, the deliveries page, the text around templates.</summary>
public sealed class NotificationsText;
