using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Settings;

namespace Portal.Web.Features.Statements;

/// <summary>Where a month's run stands: waiting or running in the background, stopped part-way, failed, or finished.</summary>
public enum MonthEndState
{
    Waiting,
    Running,
    Stopped,
    Failed,
    Finished,
}

public sealed record MonthEndProgress(DateOnly Month, int Processed, int Total, int TierChanges, MonthEndState State)
{
    public bool Finished => State == MonthEndState.Finished;

    public bool IsActive => State is MonthEndState.Waiting or MonthEndState.Running;
}

/// <summary>
/// Builds every investor's statement for a closed month and recomputes tiers with the tier rule. Statements are
/// replaced, not duplicated, so running a month again changes nothing unless the records changed; progress is
/// saved with each batch, so a stopped run continues where it left off. A supervisor's override lasts until the
/// next month-end, which applies the rule again.
/// </summary>
public sealed class MonthEndService(IDbContextFactory<PortalDbContext> dbFactory, TierRuleProvider tierRules, StatementCalendar calendar, TimeProvider clock)
{
    public const int BatchSize = 50;
    public const string Actor = "Month-end";

    public async Task<MonthEndProgress?> GetProgressAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<MonthEndRun>().AsNoTracking().Where(r => r.Month == month)
            .Select(r => new MonthEndProgress(r.Month, r.Processed, r.Total, r.TierChanges, r.FinishedAt != null ? MonthEndState.Finished : MonthEndState.Stopped))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Runs that were started and never finished (the app stopped, or a run failed), oldest month first.</summary>
    public async Task<IReadOnlyList<DateOnly>> GetUnfinishedMonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<MonthEndRun>().AsNoTracking().Where(r => r.FinishedAt == null).OrderBy(r => r.Month).Select(r => r.Month).ToListAsync(cancellationToken);
    }

    public async Task<MonthEndProgress> RunAsync(DateOnly month, IProgress<MonthEndProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        month = StatementsMapping.MonthOf(month);
        if (month >= calendar.CurrentMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Only a month that has ended can be closed.");
        }

        var monthEnd = month.AddMonths(1).AddDays(-1);
        var run = await StartAsync(month, cancellationToken);
        var prices = await LoadPricesAsync(month, monthEnd, cancellationToken);
        // The thresholds an admin saved last (Admin settings), read when the run starts.
        var tierRule = await tierRules.GetAsync(cancellationToken);
        progress?.Report(new(month, run.Processed, run.Total, run.TierChanges, MonthEndState.Running));

        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Set<Investor>().Where(i => i.Id > run.LastInvestorId).OrderBy(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(i => i.Id).ToList();
            var transactions = (await db.Set<Transaction>().AsNoTracking()
                    .Where(t => ids.Contains(t.InvestorId) && t.TradeDate <= monthEnd)
                    .OrderBy(t => t.TradeDate).ThenBy(t => t.Id).ToListAsync(cancellationToken))
                .ToLookup(t => t.InvestorId);
            var existing = await db.Set<MonthlyStatement>().Where(s => ids.Contains(s.InvestorId) && s.Month == month).ToListAsync(cancellationToken);
            db.RemoveRange(existing);

            var now = clock.GetUtcNow();
            foreach (var investor in batch)
            {
                var all = transactions[investor.Id].ToList();
                if (all.Count == 0)
                {
                    continue;
                }

                var portfolio = new Portfolio();
                foreach (var earlier in all.Where(t => t.TradeDate < month))
                {
                    portfolio.Apply(StatementsMapping.ToEntry(earlier));
                }

                var inMonth = all.Where(t => t.TradeDate >= month).ToList();
                var built = StatementBuilder.BuildMonth(portfolio, inMonth.Select(StatementsMapping.ToEntry), prices, month);
                db.Add(StatementsMapping.ToStatement(investor.Id, month, built, inMonth, now));

                var tier = tierRule.Compute(Money.ToYuan(built.Figures.Deposits), built.Lots);
                if (tier != investor.Tier)
                {
                    db.Add(new TierChange { InvestorId = investor.Id, From = investor.Tier, To = tier, Month = month, ChangedBy = Actor, ChangedAt = now });
                    investor.Tier = tier;
                    run.TierChanges++;
                }
            }

            run.Processed += batch.Count;
            run.LastInvestorId = batch[^1].Id;
            db.Attach(run).State = EntityState.Modified;
            // The batch's statements, tiers and the run's progress commit together.
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(new(month, run.Processed, run.Total, run.TierChanges, MonthEndState.Running));
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            run.FinishedAt = clock.GetUtcNow();
            db.Attach(run).State = EntityState.Modified;
            await db.SaveChangesAsync(cancellationToken);
        }

        var done = new MonthEndProgress(month, run.Processed, run.Total, run.TierChanges, MonthEndState.Finished);
        progress?.Report(done);
        return done;
    }

    /// <summary>Resumes an unfinished run; a finished one starts over (it rebuilds the same statements).</summary>
    private async Task<MonthEndRun> StartAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.Set<Investor>().CountAsync(cancellationToken);
        var run = await db.Set<MonthEndRun>().SingleOrDefaultAsync(r => r.Month == month, cancellationToken);
        if (run is null)
        {
            run = new MonthEndRun { Month = month };
            db.Add(run);
        }

        if (run.FinishedAt is not null || run.Processed == 0)
        {
            run.Processed = 0;
            run.LastInvestorId = 0;
            run.TierChanges = 0;
            run.FinishedAt = null;
            run.StartedAt = clock.GetUtcNow();
        }

        run.Total = total;
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(run).State = EntityState.Detached;
        return run;
    }

    private async Task<PriceBook> LoadPricesAsync(DateOnly month, DateOnly monthEnd, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = month.AddDays(-31);
        return new PriceBook(await db.Set<ProductPrice>().AsNoTracking().Where(p => p.Date >= from && p.Date <= monthEnd)
            .Select(p => new ValueTuple<int, DateOnly, decimal>(p.ProductId, p.Date, p.Nav)).ToListAsync(cancellationToken));
    }
}
