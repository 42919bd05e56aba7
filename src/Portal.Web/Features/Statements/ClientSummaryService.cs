using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

public sealed record ClientAccount(string Number, AccountKind Kind);

/// <summary>What staff see about a client; <see cref="TierVersion"/> is the tier's version the override form saw.</summary>
public sealed record ClientSummaryData(
    int InvestorId, string Name, string ClientNumber, string MaskedIdNumber, ClientTier Tier, int TierVersion, IReadOnlyList<TierHistoryEntry> TierHistory,
    IReadOnlyList<ClientAccount> Accounts, long HoldingsValueFen, long CashFen, DateOnly? ValuedAt, IReadOnlyList<TransactionLine> Recent);

/// <summary>
/// What staff see about a client beside a case or chat: the client and tier history from Accounts, accounts, the latest
/// statement's values and recent transactions from here. For the client desk only (supervisors, agents, specialists).
/// </summary>
public sealed class ClientSummaryService(IDbContextFactory<PortalDbContext> dbFactory, InvestorDirectory investors)
{
    public const int RecentCount = 5;

    public async Task<int?> FindInvestorIdAsync(Actor actor, string clientNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await investors.FindIdByAccountNumberAsync(db, actor, clientNumber, cancellationToken);
    }

    public async Task<ClientSummaryData?> GetAsync(Actor actor, int investorId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(InvestorDirectory.ClientDesk);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await investors.FindProfileAsync(db, actor, investorId, cancellationToken) is not { } investor
            || await investors.FindTierAsync(db, actor, investorId, cancellationToken) is not { } tier)
        {
            return null;
        }

        var history = await investors.ListTierHistoryAsync(db, actor, investorId, cancellationToken);
        var accounts = await db.Set<InvestorAccount>().AsNoTracking().Where(a => a.InvestorId == investorId)
            .OrderBy(a => a.Number).Select(a => new ClientAccount(a.Number, a.Kind)).ToListAsync(cancellationToken);
        var latest = await db.Set<MonthlyStatement>().AsNoTracking().Where(s => s.InvestorId == investorId)
            .OrderByDescending(s => s.Month).Select(s => new { s.Month, s.ClosingFen, s.ClosingCashFen }).FirstOrDefaultAsync(cancellationToken);
        var recent = await StatementService.Lines(db.Set<Transaction>().Where(t => t.InvestorId == investorId)
            .OrderByDescending(t => t.TradeDate).ThenByDescending(t => t.Id).Take(RecentCount)).ToListAsync(cancellationToken);
        return new(investor.Id, investor.Name, investor.AccountNumber, investor.MaskedIdNumber, tier.Tier, tier.Version, history, accounts,
            latest is null ? 0 : latest.ClosingFen - latest.ClosingCashFen, latest?.ClosingCashFen ?? 0,
            latest?.Month.AddMonths(1).AddDays(-1), recent);
    }
}
