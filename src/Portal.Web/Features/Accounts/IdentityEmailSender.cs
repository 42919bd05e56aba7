using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Notifications;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Web.Features.Accounts;

/// <summary>Identity's account e-mails, in the reader's language, through the portal's one e-mail sender.</summary>
internal sealed class IdentityEmailSender(
    Notifications.IEmailSender sender,
    IStringLocalizer<AccountsText> text,
    IOptions<PortalOptions> portal) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        Send(email, text["Email.Confirm.Subject", portal.Value.BrandName], text["Email.Confirm.Body", user.DisplayName, confirmationLink]);

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        Send(email, text["Email.Reset.Subject", portal.Value.BrandName], text["Email.Reset.Body", user.DisplayName, resetLink]);

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        Send(email, text["Email.Reset.Subject", portal.Value.BrandName], text["Email.ResetCode.Body", user.DisplayName, resetCode]);

    private Task Send(string email, string subject, string body) =>
        sender.SendAsync(new EmailMessage(email, subject, body));
}
