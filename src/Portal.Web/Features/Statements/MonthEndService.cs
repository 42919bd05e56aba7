using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Settings;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Notifications;

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
/// Builds every investor's statement for a closed month and applies the tier rule to its figures. Each statement
/// records the month's tier; only the latest month's month-end sets the current tier, and a supervisor's override
/// holds until a later month's month-end (<see cref="CurrentTierRule"/>, applied by Accounts). Statements are replaced,
/// not duplicated, so running a month again changes nothing unless the records changed; progress is saved with each
/// batch, so a stopped run continues where it left off. A batch whose tier writes meet a change made meanwhile (a
/// supervisor's override) is read again and redone, so that change is kept.
/// </summary>
public sealed partial class MonthEndService(
    IDbContextFactory<PortalDbContext> dbFactory, InvestorDirectory investors, AuditTrail audit, TierRuleProvider tierRules, StatementCalendar calendar,
    NotificationOutbox outbox, TimeProvider clock, LedgerCache ledger, ILogger<MonthEndService> logger)
{
    public const int BatchSize = 50;

    /// <summary>How often a batch is redone after meeting a concurrent tier change before the run fails.</summary>
    public const int BatchAttempts = 5;

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

    /// <summary>Runs (or resumes) the month's month-end; admins and the portal itself only.</summary>
    public async Task<MonthEndProgress> RunAsync(Actor actor, DateOnly month, IProgress<MonthEndProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        month = StatementsMapping.MonthOf(month);
        if (month >= calendar.CurrentMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Only a month that has ended can be closed.");
        }

        var run = await StartAsync(actor, month, cancellationToken);
        var prices = await LoadPricesAsync(month, cancellationToken);
        // The thresholds an admin saved last (Admin settings), read when the run starts.
        var tierRule = await tierRules.GetAsync(cancellationToken);
        progress?.Report(new(month, run.Processed, run.Total, run.TierChanges, MonthEndState.Running));
        while (await RunBatchAsync(actor, run, prices, tierRule, cancellationToken) is { } next)
        {
            run = next;
            progress?.Report(new(month, run.Processed, run.Total, run.TierChanges, MonthEndState.Running));
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            run.FinishedAt = clock.GetUtcNow();
            db.Attach(run).State = EntityState.Modified;
            audit.Add(db, actor, AuditActions.MonthEnd, $"statement:{StatementFormat.MonthKey(month)}",
                $"finished: {run.Processed} investors, {run.TierChanges} tier changes");
            await db.SaveChangesAsync(cancellationToken);
        }

        var done = new MonthEndProgress(month, run.Processed, run.Total, run.TierChanges, MonthEndState.Finished);
        progress?.Report(done);
        return done;
    }

    /// <summary>Builds and saves the next batch after <paramref name="run"/>'s last investor; returns the run as saved, or null when none is left.</summary>
    private async Task<MonthEndRun?> RunBatchAsync(Actor actor, MonthEndRun run, PriceBook prices, TierRule tierRule, CancellationToken cancellationToken)
    {
        var month = run.Month;
        var monthEnd = month.AddMonths(1).AddDays(-1);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await investors.ListTiersAsync(db, actor, run.LastInvestorId, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return null;
            }

            var ids = batch.Select(i => i.InvestorId).ToList();
            var transactions = (await db.Set<Transaction>().AsNoTracking()
                    .Where(t => ids.Contains(t.InvestorId) && t.TradeDate <= monthEnd)
                    .OrderBy(t => t.TradeDate).ThenBy(t => t.Id).ToListAsync(cancellationToken))
                .ToLookup(t => t.InvestorId);
            var existing = await db.Set<MonthlyStatement>().Where(s => ids.Contains(s.InvestorId) && s.Month == month).ToListAsync(cancellationToken);
            db.RemoveRange(existing);
            var userIds = await investors.FindUserIdsAsync(db, ids, cancellationToken);
            var monthKey = StatementFormat.MonthKey(month);
            var statementLink = $"/statements/{monthKey}";
            var notified = await NotificationOutbox.AlreadyNotifiedAsync(db, NotificationTopic.StatementReady, statementLink, userIds.Values.ToList(), cancellationToken);

            var now = clock.GetUtcNow();
            var tierChanges = 0;
            foreach (var investor in batch)
            {
                var all = transactions[investor.InvestorId].ToList();
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
                var tier = tierRule.Compute(Money.ToYuan(built.Figures.Deposits), built.Lots);
                db.Add(StatementsMapping.ToStatement(investor.InvestorId, month, built, tier, inMonth, now));
                if (userIds.TryGetValue(investor.InvestorId, out var userId) && !notified.Contains(userId))
                {
                    // "Statement ready", committed with the statement; once per month, however often the month is run.
                    outbox.Add(db, userId, NotificationTopic.StatementReady, "statement-ready", new Dictionary<string, string> { ["month"] = monthKey }, statementLink);
                }

                if (investors.ApplyMonthEndTier(db, actor, investor, month, tier))
                {
                    tierChanges++;
                }
            }

            var saved = new MonthEndRun
            {
                Id = run.Id, Month = month, Total = run.Total, StartedAt = run.StartedAt,
                Processed = run.Processed + batch.Count, LastInvestorId = batch[^1].InvestorId, TierChanges = run.TierChanges + tierChanges,
            };
            db.Attach(saved).State = EntityState.Modified;
            try
            {
                // The batch's statements, notifications, tiers and the run's progress commit together.
                await db.SaveChangesAsync(cancellationToken);
                // The batch's dashboards (their history) and statement documents show the new statements.
                await ledger.ChangedAsync(CancellationToken.None);
                return saved;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < BatchAttempts)
            {
                // A tier (or a statement) changed after this batch read it: nothing was saved; read the batch again.
                LogBatchConflict(ex, month, run.LastInvestorId, attempt);
            }
        }
    }

    /// <summary>Resumes an unfinished run; a finished one starts over (it rebuilds the same statements).</summary>
    private async Task<MonthEndRun> StartAsync(Actor actor, DateOnly month, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await investors.CountInvestorsAsync(db, actor, cancellationToken);
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

    private async Task<PriceBook> LoadPricesAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = month.AddDays(-31);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        return new PriceBook(await db.Set<ProductPrice>().AsNoTracking().Where(p => p.Date >= from && p.Date <= monthEnd)
            .Select(p => new ValueTuple<int, DateOnly, decimal>(p.ProductId, p.Date, p.Nav)).ToListAsync(cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Month-end {Month}: the batch after investor {AfterInvestorId} met a change made meanwhile (attempt {Attempt}); reading it again.")]
    private partial void LogBatchConflict(Exception ex, DateOnly month, int afterInvestorId, int attempt);
}
