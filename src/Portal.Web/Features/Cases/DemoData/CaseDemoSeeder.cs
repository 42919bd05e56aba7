using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases.DemoData;

/// <summary>
/// Three months of complaints and service requests up to now, so the desk and the reports have real content: about
/// four a working day (Mondays and Fridays busier), most handled in time, some late (with the late-handling points they
/// cost), some waiting on the client, complaints often escalated to a specialist and reviewed before they close, about
/// half rated. The latest are still open, unassigned or in hand. Deterministic for a given day; runs once (only while
/// there are no cases).
/// </summary>
internal sealed partial class CaseDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory, CaseStore store, TimeProvider clock, ILogger<CaseDemoSeeder> logger) : IDemoDataSeeder
{
    public const int Days = 91;
    private const int Seed = 20_261_210;
    private const int SaveEvery = 100;

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Case>().AnyAsync(cancellationToken))
        {
            return;
        }

        var clients = await DemoDirectory.ListClientsAsync(db, cancellationToken);
        var desk = await DemoDirectory.ListDeskAsync(db, cancellationToken);
        var agents = desk.Where(d => !d.IsSpecialist).ToArray();
        var specialists = desk.Where(d => d.IsSpecialist).ToArray();
        if (clients.Count == 0 || agents.Length == 0 || specialists.Length < 2)
        {
            return;
        }

        var started = clock.GetTimestamp();
        var rules = await store.RulesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var history = new CaseHistoryWriter(new Random(Seed), rules, clients, agents, specialists, now, store.Text);
        var today = rules.Calendar.DateOf(now);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var date = today.AddDays(-Days); date <= today; date = date.AddDays(1))
        {
            if (rules.Calendar.HoursOn(date) is not { } hours)
            {
                continue;
            }

            foreach (var arrival in Arrivals(history.Random, rules, date, hours).Where(a => a < now).Order())
            {
                history.Add(db, arrival);
                if (history.Cases % SaveEvery == 0)
                {
                    await SaveAsync(db, history, cancellationToken);
                }
            }
        }

        await SaveAsync(db, history, cancellationToken);
        var elapsed = clock.GetElapsedTime(started);
        LogSeeded(history.Cases, history.Late, history.Open, elapsed.TotalMilliseconds);
    }

    private static async Task SaveAsync(PortalDbContext db, CaseHistoryWriter history, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        history.AddPoints(db);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The day's new cases: about four, half as many again on Mondays and a third more on Fridays, spread over the opening hours.</summary>
    private static IEnumerable<DateTimeOffset> Arrivals(Random random, CaseRules rules, DateOnly date, Admin.Calendar.OpeningHours hours)
    {
        var factor = date.DayOfWeek switch
        {
            DayOfWeek.Monday => 1.5,
            DayOfWeek.Friday => 1.3,
            _ => 1.0,
        };
        var count = (int)Math.Round(4 * factor * (0.6 + (random.NextDouble() * 0.8)));
        var opens = date.ToDateTime(hours.Opens);
        var minutesOpen = (int)(hours.Closes - hours.Opens).TotalMinutes;
        for (var i = 0; i < count; i++)
        {
            var local = opens.AddMinutes(random.Next(minutesOpen)).AddSeconds(random.Next(60));
            yield return new DateTimeOffset(local, rules.Calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo cases: {Cases} cases ({Late} handled late, {Open} still open) in {Milliseconds:F0} ms.")]
    private partial void LogSeeded(int cases, int late, int open, double milliseconds);
}
