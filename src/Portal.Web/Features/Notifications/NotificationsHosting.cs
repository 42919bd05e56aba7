using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalOptions>, PublicBaseUrlValidation>());
        builder.Services.AddSingleton<PublicLinks>();
        builder.Services.AddSingleton<NotificationOutbox>();

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{SmtpOptions.Section}:Host"]))
        {
            builder.Services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        return builder;
    }

    /// <summary>Development and the tests' environment write mail to the pickup folder without being asked.</summary>
    private static bool MayUsePickupFolderImplicitly(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
