using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// The limits on activation code requests, per account number and per client address (<see cref="ActivationOptions"/>):
/// mismatched details, and codes sent, successful requests included. Counted in the database, so they hold across
/// instances. A request is written down as pending before anything is counted, and every pending request counts against
/// both limits: of any number of parallel requests, no more than the limit get through.
/// </summary>
internal sealed class ActivationThrottle(IDbContextFactory<PortalDbContext> dbFactory, IOptions<ActivationOptions> options, TimeProvider clock)
{
    /// <summary>Writes the request down and returns it, or null when a limit is reached (the request is then settled).</summary>
    public async Task<ActivationAttempt?> BeginAsync(string accountNumber, string address, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        var lookBack = limits.CodeRequestWindow > limits.FailureWindow ? limits.CodeRequestWindow : limits.FailureWindow;
        var attempt = new ActivationAttempt
        {
            At = now,
            AccountNumber = Clip(accountNumber, ActivationAttempt.AccountNumberLength),
            Address = Clip(address, ActivationAttempt.AddressLength),
            Kind = ActivationAttemptKind.Pending,
        };

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Nothing older than the longest window is ever counted again.
        await db.Set<ActivationAttempt>().Where(a => a.At < now - lookBack).ExecuteDeleteAsync(cancellationToken);
        db.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);

        var earlier = await db.Set<ActivationAttempt>().AsNoTracking()
            .Where(a => a.Id != attempt.Id && a.At > now - lookBack && a.Kind != ActivationAttemptKind.Settled
                        && (a.AccountNumber == attempt.AccountNumber || a.Address == attempt.Address))
            .Select(a => new { a.AccountNumber, a.Address, a.Kind, a.At })
            .ToListAsync(cancellationToken);
        var failures = earlier.Where(a => a.Kind != ActivationAttemptKind.CodeSent && a.At > now - limits.FailureWindow).ToList();
        var codes = earlier.Where(a => a.Kind != ActivationAttemptKind.Failed && a.At > now - limits.CodeRequestWindow).ToList();
        var blocked = failures.Count(a => a.AccountNumber == attempt.AccountNumber) >= limits.MaxFailures
                      || failures.Count(a => a.Address == attempt.Address) >= limits.MaxFailures
                      || codes.Count(a => a.AccountNumber == attempt.AccountNumber) >= limits.MaxCodesPerAccount
                      || codes.Count(a => a.Address == attempt.Address) >= limits.MaxCodesPerAddress;
        if (!blocked)
        {
            return attempt;
        }

        await SettleAsync(attempt, ActivationAttemptKind.Settled, cancellationToken);
        return null;
    }

    /// <summary>Records how the request ended: <see cref="ActivationAttemptKind.Failed"/>, <see cref="ActivationAttemptKind.CodeSent"/> or settled.</summary>
    public async Task SettleAsync(ActivationAttempt attempt, ActivationAttemptKind kind, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<ActivationAttempt>().Where(a => a.Id == attempt.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Kind, kind), cancellationToken);
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
