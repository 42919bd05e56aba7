using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Cases.Model;

namespace Portal.Load;

/// <summary>
/// Adds <see cref="Count"/> cases of the last six months beside the demo's own: every tier, kind and request type, a
/// third still open (new, in hand, waiting, escalated) across the desk, each with a short timeline, due times from the
/// app's own limits and business calendar.
/// </summary>
internal static class CaseBenchmarkData
{
    public const int Count = 20_000;
    private const int Days = 180;

    // Above the demo data's running numbers (a few a day), so the references never meet.
    private const int FirstNumber = 5_000;

    public static async Task<IReadOnlyList<string>> LoadAsync(IDbContextFactory<PortalDbContext> dbFactory, CaseRules rules)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var clients = await DemoDirectory.ListClientsAsync(db, CancellationToken.None);
        var desk = await DemoDirectory.ListDeskAsync(db, CancellationToken.None);
        var random = new Random(20_261_220);
        var now = DateTimeOffset.UtcNow;
        var types = Enum.GetValues<RequestType>();
        var numbers = new Dictionary<string, int>();
        var references = new List<string>(Count);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < Count; i++)
        {
            var client = clients[random.Next(clients.Count)];
            var kind = random.Next(10) < 3 ? CaseKind.Complaint : CaseKind.Request;
            RequestType? type = kind == CaseKind.Request ? types[random.Next(types.Length)] : null;
            var created = now.AddMinutes(-random.Next(Days * 24 * 60));
            var (due, firstDue) = CaseStore.DueTimes(kind, type, client.Tier, created, rules);
            var prefix = CaseReference.Prefix(kind, rules.Calendar.DateOf(created));
            var number = numbers[prefix] = numbers.GetValueOrDefault(prefix, FirstNumber) + 1;
            var owner = desk[random.Next(desk.Count)];
            var status = random.Next(3) == 0
                ? (CaseStatus)random.Next((int)CaseStatus.New, (int)CaseStatus.Escalated + 1)
                : (random.Next(2) == 0 ? CaseStatus.Resolved : CaseStatus.Closed);
            var held = status is not (CaseStatus.New or CaseStatus.Escalated);
            var found = new Case
            {
                Reference = CaseReference.Format(kind, rules.Calendar.DateOf(created), number), Kind = kind, RequestType = type,
                Category = (CaseCategory)random.Next(7), Subject = $"Benchmark case {i}", Description = "A case the benchmark added to fill the desk.",
                InvestorId = client.InvestorId, InvestorUserId = client.UserId ?? "", InvestorName = client.Name, Tier = client.Tier,
                Channel = CaseChannel.Portal, SubmissionId = Guid.NewGuid(), Status = status, OwnerUserId = held ? owner.UserId : null,
                OwnerName = held ? owner.Name : null, Team = status == CaseStatus.Escalated ? StaffTeam.InboundTier2 : StaffTeam.InboundTier1,
                CreatedAt = created, UpdatedAt = created.AddMinutes(5), DueAt = due.ToUniversalTime(), FirstResponseDueAt = firstDue?.ToUniversalTime(),
                ResolvedAt = status >= CaseStatus.Resolved ? created.AddMinutes(random.Next(5, 600)) : null,
                PausedSince = status == CaseStatus.WaitingOnClient ? created.AddMinutes(10) : null, Version = 1,
            };
            db.Add(found);
            db.Add(new CaseEvent { Case = found, Kind = CaseTimelineKind.Created, ActorName = client.Name, ByClient = true, ToStatus = CaseStatus.New, At = created });
            if (held || status == CaseStatus.Escalated)
            {
                db.Add(new CaseEvent
                {
                    Case = found, Kind = CaseTimelineKind.StatusChanged, ActorUserId = owner.UserId, ActorName = owner.Name, FromStatus = CaseStatus.New,
                    ToStatus = status, At = created.AddMinutes(3),
                });
                db.Add(new CaseEvent
                {
                    Case = found, Kind = CaseTimelineKind.PublicReply, ActorUserId = owner.UserId, ActorName = owner.Name,
                    Text = "Thank you, we are looking into it.", At = created.AddMinutes(5),
                });
            }

            references.Add(found.Reference);
            if (i % 1_000 == 999)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        // Fresh statistics, as a table that grew over months has: right after a bulk load the planner still sees the
        // small table and picks plans for it until autovacuum analyses it.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return references;
    }
}
