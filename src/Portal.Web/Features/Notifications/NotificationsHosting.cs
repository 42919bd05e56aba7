using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Notifications.Email;
using Portal.Web.Features.Notifications.Inbox;
using Portal.Web.Features.Notifications.Outbox;
using Portal.Web.Features.Notifications.Preferences;
using Portal.Web.Features.Notifications.Security;
using Portal.Web.Features.Notifications.Sms;
using Portal.Web.Features.Notifications.Templates;
using Portal.Web.Hosting;

namespace Portal.Web.Features.Notifications;

public static class NotificationsHosting
{
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .Validate<IOptions<SmtpOptions>, IHostEnvironment>(
                (email, smtp, environment) => !string.IsNullOrWhiteSpace(smtp.Value.Host) || email.UsePickupFolder || MayUsePickupFolderImplicitly(environment),
                "No mail server is set (Smtp:Host is empty), so every e-mail, activation codes and password-reset links included, would be " +
                "written as a file into Email:PickupFolder. Set Smtp:Host, or set Email:UsePickupFolder=true if files are really wanted.")
            .ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.SendTimeoutSeconds < o.LeaseSeconds && o.RetryBaseSeconds <= o.RetryMaxSeconds,
                "Notifications:SendTimeoutSeconds must be shorter than Notifications:LeaseSeconds, and RetryBaseSeconds at most RetryMaxSeconds.")
            .ValidateOnStart();
        builder.Services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalOptions>, PublicBaseUrlValidation>());
        builder.Services.AddSingleton<PublicLinks>();

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{SmtpOptions.Section}:Host"]))
        {
            builder.Services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        // The outbox and its dispatcher.
        builder.Services.AddSingleton<NotificationSignal>();
        builder.Services.AddSingleton<NotificationOutbox>();
        builder.Services.AddSingleton<NotificationTemplates>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<NotificationPreferences>();
        builder.Services.AddSingleton<InboxUpdates>();
        builder.Services.AddSingleton<NotificationInbox>();
        builder.Services.AddSingleton<DeliveryDesk>();
        builder.Services.AddSingleton<NotificationDispatcher>();
        builder.Services.AddSingleton<SecurityNotices>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryChannel, InboxChannel>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryChannel, EmailChannel>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryChannel, SmsChannel>());
        if (builder.Configuration.GetValue($"{SmsOptions.Section}:{nameof(SmsOptions.Provider)}", SmsProvider.Sink) == SmsProvider.Http)
        {
            builder.Services.AddHttpClient(nameof(HttpSmsSender));
            builder.Services.AddSingleton<ISmsSender, HttpSmsSender>();
        }
        else
        {
            builder.Services.AddSingleton<ISmsSender, SinkSmsSender>();
        }

        if (builder.Configuration.GetValue($"{NotificationsOptions.Section}:{nameof(NotificationsOptions.DispatcherEnabled)}", true))
        {
            builder.Services.AddHostedService<NotificationDispatchService>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapUnsubscribe();
        endpoints.MapSmsInbound();
        return endpoints;
    }

    /// <summary>Development and the tests' environment write mail to the pickup folder without being asked.</summary>
    private static bool MayUsePickupFolderImplicitly(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
