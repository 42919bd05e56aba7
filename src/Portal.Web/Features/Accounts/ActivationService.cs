using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Audit;
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
    Failed,
    Activated,
}

public sealed record ActivationResult(ActivationOutcome Outcome, string? Ticket = null, string? SentTo = null, IReadOnlyList<string>? Errors = null);

/// <summary>
/// Online activation: the investor proves who they are with details on file, receives a one-time code
/// by e-mail, and sets a password. Every failure gives the same answer and counts against a limit.
/// The actor is the anonymous visitor; their address is what the per-address limits count.
/// </summary>
internal sealed partial class ActivationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalDbContext identityDb,
    UserManager<PortalUser> userManager,
    ActivationThrottle throttle,
    Notifications.IEmailSender email,
    AuditTrail audit,
    IDataProtectionProvider protection,
    IStringLocalizer<AccountsText> text,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<ActivationService> logger)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);
    public const int MaxCodeAttempts = 5;

    private readonly ITimeLimitedDataProtector _tickets =
        protection.CreateProtector("Portal.Accounts.Activation").ToTimeLimitedDataProtector();

    public async Task<ActivationResult> RequestCodeAsync(
        Actor actor, string accountNumber, string idLast4, string contact, CancellationToken cancellationToken = default)
    {
        accountNumber = accountNumber.Trim();
        // Limits are checked before the details: a refusal says nothing about whether they were right.
        if (await throttle.BeginAsync(accountNumber, actor.Address ?? "unknown", cancellationToken) is not { } attempt)
        {
            return new(ActivationOutcome.TooManyAttempts);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var investor = await db.Set<Investor>().SingleOrDefaultAsync(i => i.AccountNumber == accountNumber, cancellationToken);
        if (investor is null || !Matches(investor, idLast4, contact))
        {
            await throttle.SettleAsync(attempt, ActivationAttemptKind.Failed, cancellationToken);
            return new(ActivationOutcome.NotRecognised);
        }

        if (investor.UserId is not null)
        {
            await throttle.SettleAsync(attempt, ActivationAttemptKind.Settled, cancellationToken);
            return new(ActivationOutcome.AlreadyActive);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var record = new ActivationCode
        {
            InvestorId = investor.Id,
            CodeHash = Hash(code),
            ExpiresAt = clock.GetUtcNow() + CodeLifetime,
        };
        db.Add(record);
        var sentTo = MaskEmail(investor.Email);
        audit.Add(db, actor, AuditActions.ActivationCodeSent, InvestorSubject(investor), $"to {sentTo}");
        await db.SaveChangesAsync(cancellationToken);
        await throttle.SettleAsync(attempt, ActivationAttemptKind.CodeSent, cancellationToken);

        var brand = portal.Value.BrandName;
        await email.SendAsync(new EmailMessage(
            investor.Email,
            text["Email.Activation.Subject", brand],
            text["Email.Activation.Body", investor.Name, code, (int)CodeLifetime.TotalMinutes, brand]), cancellationToken);

        var ticket = _tickets.Protect(record.Id.ToString(CultureInfo.InvariantCulture), CodeLifetime);
        return new(ActivationOutcome.CodeSent, ticket, sentTo);
    }

    /// <summary>
    /// Checks the code and creates the investor's sign-in. All or nothing: the user, their role, the link to the investor,
    /// the used code and the audit row commit together, so a failure leaves nothing behind that blocks a later try.
    /// </summary>
    public async Task<ActivationResult> CompleteAsync(Actor actor, string ticket, string code, string password, CancellationToken cancellationToken = default)
    {
        if (!TryReadTicket(ticket, out var codeId))
        {
            return new(ActivationOutcome.Expired);
        }

        var now = clock.GetUtcNow();
        var record = await identityDb.Set<ActivationCode>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == codeId, cancellationToken);
        // Only the newest code of an investor is valid: asking again retires the earlier ones.
        if (record is null || record.UsedAt is not null || record.ExpiresAt <= now
            || await identityDb.Set<ActivationCode>().AnyAsync(c => c.InvestorId == record.InvestorId && c.Id > record.Id, cancellationToken))
        {
            return new(ActivationOutcome.Expired);
        }

        var investor = await identityDb.Set<Investor>().SingleAsync(i => i.Id == record.InvestorId, cancellationToken);
        var user = new PortalUser
        {
            UserName = investor.Email,
            Email = investor.Email,
            EmailConfirmed = true,
            PhoneNumber = investor.Mobile,
            DisplayName = investor.Name,
        };
        // A password the rules refuse costs no try.
        if (await CheckPasswordAsync(user, password) is { Count: > 0 } passwordErrors)
        {
            return new(ActivationOutcome.PasswordRejected, Errors: passwordErrors);
        }

        // The try is counted before the code is compared, in one conditional UPDATE: however many guesses arrive at
        // once, no more than MaxCodeAttempts of them are ever compared.
        var counted = await identityDb.Set<ActivationCode>()
            .Where(c => c.Id == codeId && c.UsedAt == null && c.Tries < MaxCodeAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tries, c => c.Tries + 1), cancellationToken);
        if (counted == 0)
        {
            return new(ActivationOutcome.TooManyAttempts);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code.Trim())), Encoding.ASCII.GetBytes(record.CodeHash)))
        {
            // Read again: parallel guesses may have used the last tries meanwhile.
            var tries = await identityDb.Set<ActivationCode>().Where(c => c.Id == codeId).Select(c => c.Tries).SingleAsync(cancellationToken);
            return new(tries >= MaxCodeAttempts ? ActivationOutcome.TooManyAttempts : ActivationOutcome.InvalidCode);
        }

        if (investor.UserId is not null)
        {
            return new(ActivationOutcome.AlreadyActive);
        }

        return await CreateUserAsync(actor, investor, user, password, codeId, cancellationToken);
    }

    private async Task<ActivationResult> CreateUserAsync(
        Actor actor, Investor investor, PortalUser user, string password, int codeId, CancellationToken cancellationToken)
    {
        await using var transaction = await identityDb.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Using the code up first: a second correct submission waits on this row, then finds the code used.
            var consumed = await identityDb.Set<ActivationCode>().Where(c => c.Id == codeId && c.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, clock.GetUtcNow()), cancellationToken);
            if (consumed == 0)
            {
                return await RollBackAsync(transaction, ActivationOutcome.Expired);
            }

            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                LogIdentityRefused(logger, investor.Id, "creating the user", Describe(created));
                return await RollBackAsync(transaction, ActivationOutcome.Failed);
            }

            var role = await userManager.AddToRoleAsync(user, Roles.Investor);
            if (!role.Succeeded)
            {
                LogIdentityRefused(logger, investor.Id, "adding the Investor role", Describe(role));
                return await RollBackAsync(transaction, ActivationOutcome.Failed);
            }

            investor.UserId = user.Id;
            audit.Add(identityDb, actor, AuditActions.Activation, InvestorSubject(investor), $"user:{user.Id}");
            await identityDb.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new(ActivationOutcome.Activated);
        }
        catch (DbUpdateException ex)
        {
            LogActivationFailed(logger, ex, investor.Id);
            return await RollBackAsync(transaction, ActivationOutcome.Failed);
        }
    }

    private async Task<ActivationResult> RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ActivationOutcome outcome)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        // What the context tracked (the half-made user) never reached the database.
        identityDb.ChangeTracker.Clear();
        return new(outcome);
    }

    private async Task<List<string>> CheckPasswordAsync(PortalUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in userManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(userManager, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }

    private bool TryReadTicket(string ticket, out int codeId)
    {
        codeId = 0;
        try
        {
            return int.TryParse(_tickets.Unprotect(ticket), CultureInfo.InvariantCulture, out codeId);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string InvestorSubject(Investor investor) => $"investor:{investor.AccountNumber}";

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Code));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activation of investor {InvestorId} was rolled back: Identity refused {Step} ({Errors}).")]
    private static partial void LogIdentityRefused(ILogger logger, int investorId, string step, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activation of investor {InvestorId} was rolled back: the database refused the change.")]
    private static partial void LogActivationFailed(ILogger logger, Exception exception, int investorId);
}
