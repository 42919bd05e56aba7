using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Notifications;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Web.Features.Accounts;

public enum ActivationOutcome
{
    CodeSent,
    NotRecognised,
    TooManyAttempts,
    AlreadyActive,
    InvalidCode,
    Expired,
    PasswordRejected,
    Activated,
}

public sealed record ActivationResult(ActivationOutcome Outcome, string? Ticket = null, string? SentTo = null, IReadOnlyList<string>? Errors = null);

/// <summary>
/// Online activation: the investor proves who they are with details on file, receives a one-time code
/// by e-mail, and sets a password. Every failure gives the same answer and counts against a limit.
/// </summary>
internal sealed class ActivationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> userManager,
    ActivationThrottle throttle,
    Notifications.IEmailSender email,
    IDataProtectionProvider protection,
    IStringLocalizer<AccountsText> text,
    IOptions<PortalOptions> portal,
    TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);
    public const int MaxCodeAttempts = 5;

    private readonly ITimeLimitedDataProtector _tickets =
        protection.CreateProtector("Portal.Accounts.Activation").ToTimeLimitedDataProtector();

    public async Task<ActivationResult> RequestCodeAsync(
        string accountNumber, string idLast4, string contact, string clientAddress, CancellationToken cancellationToken = default)
    {
        accountNumber = accountNumber.Trim();
        string[] keys = [$"ip:{clientAddress}", $"account:{accountNumber}"];
        if (throttle.IsBlocked(keys))
        {
            return new(ActivationOutcome.TooManyAttempts);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var investor = await db.Set<Investor>().SingleOrDefaultAsync(i => i.AccountNumber == accountNumber, cancellationToken);
        if (investor is null || !Matches(investor, idLast4, contact))
        {
            throttle.RecordFailure(keys);
            return new(ActivationOutcome.NotRecognised);
        }

        if (investor.UserId is not null)
        {
            return new(ActivationOutcome.AlreadyActive);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var record = new ActivationCode
        {
            InvestorId = investor.Id,
            CodeHash = Hash(code),
            ExpiresAt = clock.GetUtcNow() + CodeLifetime,
        };
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        var brand = portal.Value.BrandName;
        await email.SendAsync(new EmailMessage(
            investor.Email,
            text["Email.Activation.Subject", brand],
            text["Email.Activation.Body", investor.Name, code, (int)CodeLifetime.TotalMinutes, brand]), cancellationToken);

        var ticket = _tickets.Protect(record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CodeLifetime);
        return new(ActivationOutcome.CodeSent, ticket, MaskEmail(investor.Email));
    }

    public async Task<ActivationResult> CompleteAsync(string ticket, string code, string password, CancellationToken cancellationToken = default)
    {
        if (!TryReadTicket(ticket, out var codeId))
        {
            return new(ActivationOutcome.Expired);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Set<ActivationCode>().SingleOrDefaultAsync(c => c.Id == codeId, cancellationToken);
        if (record is null || record.UsedAt is not null || record.ExpiresAt <= clock.GetUtcNow())
        {
            return new(ActivationOutcome.Expired);
        }

        if (record.FailedAttempts >= MaxCodeAttempts)
        {
            return new(ActivationOutcome.TooManyAttempts);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code.Trim())), Encoding.ASCII.GetBytes(record.CodeHash)))
        {
            record.FailedAttempts++;
            await db.SaveChangesAsync(cancellationToken);
            return new(record.FailedAttempts >= MaxCodeAttempts ? ActivationOutcome.TooManyAttempts : ActivationOutcome.InvalidCode);
        }

        var investor = await db.Set<Investor>().SingleAsync(i => i.Id == record.InvestorId, cancellationToken);
        if (investor.UserId is not null)
        {
            return new(ActivationOutcome.AlreadyActive);
        }

        var user = new PortalUser
        {
            UserName = investor.Email,
            Email = investor.Email,
            EmailConfirmed = true,
            PhoneNumber = investor.Mobile,
            DisplayName = investor.Name,
        };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new(ActivationOutcome.PasswordRejected, Errors: created.Errors.Select(e => e.Description).ToList());
        }

        await userManager.AddToRoleAsync(user, Roles.Investor);
        investor.UserId = user.Id;
        record.UsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new(ActivationOutcome.Activated);
    }

    private bool TryReadTicket(string ticket, out int codeId)
    {
        codeId = 0;
        try
        {
            return int.TryParse(_tickets.Unprotect(ticket), System.Globalization.CultureInfo.InvariantCulture, out codeId);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool Matches(Investor investor, string idLast4, string contact)
    {
        var idOk = string.Equals(investor.IdNumberLast4, idLast4.Trim(), StringComparison.OrdinalIgnoreCase);
        contact = contact.Trim();
        var contactOk = string.Equals(investor.Email, contact, StringComparison.OrdinalIgnoreCase)
                        || (Digits(contact).Length >= 11 && Digits(contact) == Digits(investor.Mobile));
        return idOk && contactOk;
    }

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    internal static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? email : $"{email[0]}***{email[at..]}";
    }
}
