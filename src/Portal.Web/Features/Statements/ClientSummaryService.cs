using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

public sealed record TierHistoryEntry(DateTimeOffset ChangedAt, DateOnly Month, ClientTier From, ClientTier To, bool IsOverride, string Reason, string ChangedBy);

public sealed record ClientAccount(string Number, AccountKind Kind);

public sealed record ClientSummaryData(
    int InvestorId, string Name, string ClientNumber, string MaskedIdNumber, ClientTier Tier, IReadOnlyList<TierHistoryEntry> TierHistory,
    IReadOnlyList<ClientAccount> Accounts, long HoldingsValueFen, long CashFen, DateOnly? ValuedAt, IReadOnlyList<TransactionLine> Recent);

/// <summary>
/// What staff see about a client beside a case or chat, and the supervisor's tier override. The investor's
/// tier column belongs to the Accounts record; the tier rule and its history live here, so this service
/// updates both in one transaction.
/// </summary>
public sealed class ClientSummaryService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, StatementCalendar calendar)
{
    public const int RecentCount = 5;

    public async Task<int?> FindInvestorIdAsync(string clientNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = clientNumber.Trim();
        return await db.Set<Investor>().Where(i => i.AccountNumber == number).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<ClientSummaryData?> GetAsync(int investorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var investor = await db.Set<Investor>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == investorId, cancellationToken);
        if (investor is null)
        {
            return null;
        }

        var history = await db.Set<TierChange>().AsNoTracking().Where(t => t.InvestorId == investorId)
            .OrderByDescending(t => t.ChangedAt).ThenByDescending(t => t.Id)
            .Select(t => new TierHistoryEntry(t.ChangedAt, t.Month, t.From, t.To, t.IsOverride, t.Reason, t.ChangedBy))
            .ToListAsync(cancellationToken);
        var accounts = await db.Set<InvestorAccount>().AsNoTracking().Where(a => a.InvestorId == investorId)
            .OrderBy(a => a.Number).Select(a => new ClientAccount(a.Number, a.Kind)).ToListAsync(cancellationToken);
        var latest = await db.Set<MonthlyStatement>().AsNoTracking().Where(s => s.InvestorId == investorId)
            .OrderByDescending(s => s.Month).Select(s => new { s.Month, s.ClosingFen, s.ClosingCashFen }).FirstOrDefaultAsync(cancellationToken);
        var recent = await StatementService.Lines(db.Set<Transaction>().Where(t => t.InvestorId == investorId)
            .OrderByDescending(t => t.TradeDate).ThenByDescending(t => t.Id).Take(RecentCount)).ToListAsync(cancellationToken);
        return new(investor.Id, investor.Name, investor.AccountNumber, investor.MaskedIdNumber, investor.Tier, history, accounts,
            latest is null ? 0 : latest.ClosingFen - latest.ClosingCashFen, latest?.ClosingCashFen ?? 0,
            latest?.Month.AddMonths(1).AddDays(-1), recent);
    }

    /// <summary>A supervisor sets the tier by hand; the reason and who did it go into the tier history.</summary>
    public async Task OverrideTierAsync(int investorId, ClientTier tier, string reason, string supervisorUserId, string supervisorName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A tier override needs a reason.", nameof(reason));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var investor = await db.Set<Investor>().SingleAsync(i => i.Id == investorId, cancellationToken);
        if (investor.Tier == tier)
        {
            return;
        }

        db.Add(new TierChange
        {
            InvestorId = investorId, From = investor.Tier, To = tier, Month = calendar.CurrentMonth, IsOverride = true,
            Reason = reason.Trim(), ChangedBy = supervisorName, ChangedByUserId = supervisorUserId, ChangedAt = clock.GetUtcNow(),
        });
        investor.Tier = tier;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
