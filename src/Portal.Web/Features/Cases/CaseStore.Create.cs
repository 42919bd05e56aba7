using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

/// <summary>A case about to be opened, checked: who it is for, what it is, who holds it and its files.</summary>
internal sealed record NewCase(
    int InvestorId,
    string InvestorUserId,
    string InvestorName,
    ClientTier Tier,
    CaseKind Kind,
    RequestType? RequestType,
    CaseCategory Category,
    string Subject,
    string Description,
    string? AccountNumber,
    long? TransactionId,
    string? TransactionSummary,
    CaseChannel Channel,
    string? SourceReference,
    Guid SubmissionId,
    string? OwnerUserId,
    string? OwnerName,
    StaffTeam Team,
    IReadOnlyList<(string FileName, string ContentType, byte[] Content)> Files);

// Opening a case: its reference, its due times, its first timeline step.
public sealed partial class CaseStore
{
    private const int ReferenceAttempts = 8;

    /// <summary>
    /// Opens the case, or returns the one already opened with the same submission id for the investor (a double submit
    /// creates one case). The reference takes the day's next running number; two cases racing for it retry.
    /// </summary>
    internal async Task<CaseCreated> CreateAsync(Actor actor, NewCase input, CancellationToken cancellationToken)
    {
        var rules = await RulesAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await FindSubmissionAsync(db, input.InvestorId, input.SubmissionId, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            var now = Now();
            var prefix = CaseReference.Prefix(input.Kind, rules.Calendar.DateOf(now));
            var today = await db.Set<Case>().CountAsync(c => c.Reference.StartsWith(prefix), cancellationToken);
            var (dueAt, firstResponseDueAt) = DueTimes(input.Kind, input.RequestType, input.Tier, now, rules);
            var found = new Case
            {
                Reference = CaseReference.Format(input.Kind, rules.Calendar.DateOf(now), today + 1), Kind = input.Kind, RequestType = input.RequestType,
                Category = input.Category, Subject = input.Subject, Description = input.Description, InvestorId = input.InvestorId,
                InvestorUserId = input.InvestorUserId, InvestorName = input.InvestorName, Tier = input.Tier, Channel = input.Channel,
                SourceReference = input.SourceReference, SubmissionId = input.SubmissionId, AccountNumber = input.AccountNumber,
                TransactionId = input.TransactionId, TransactionSummary = input.TransactionSummary,
                Status = input.OwnerUserId is null ? CaseStatus.New : CaseStatus.Open, OwnerUserId = input.OwnerUserId, OwnerName = input.OwnerName,
                Team = input.Team, CreatedAt = now, UpdatedAt = now, DueAt = dueAt, FirstResponseDueAt = firstResponseDueAt, Version = 1,
            };
            db.Add(found);
            var step = AddEvent(db, found, CaseTimelineKind.Created, actor, now, to: found.Status, byClient: actor.IsInRole(Roles.Investor));
            AddAttachments(db, found, step, actor, now, input.Files);
            audit.Add(db, actor, AuditActions.CaseCreated, Subject(found.Reference),
                $"{found.Kind} {found.RequestType?.ToString() ?? found.Category.ToString()}, {found.Tier}, {found.Channel}, {input.Files.Count} file(s)");
            NotifyCreated(db, found);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex) && attempt < ReferenceAttempts)
            {
                // Another case took the running number (or the same form was submitted at the same moment): look again.
                continue;
            }

            await PublishAsync(found, CaseChangeKind.Created, cancellationToken);
            return Created(found);
        }
    }

    /// <summary>A case staff open for a client, held by <paramref name="ownerUserId"/> from the start (status Open).</summary>
    internal async Task<CaseCreated> CreateForInvestorAsync(
        Actor actor, StaffCaseInput input, string ownerUserId, string ownerName, StaffTeam team, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var (subject, description) = CheckNewCase(
            errors, input.Kind, input.RequestType, input.Category, input.Subject, input.Description, input.SubmissionId, input.Channel);
        ThrowIfInvalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await investors.FindProfileAsync(db, actor, input.InvestorId, cancellationToken) ?? throw NotFound();
        var contact = await investors.FindContactAsync(db, actor, input.InvestorId, cancellationToken);
        return await CreateAsync(actor, new NewCase(
            profile.Id, contact?.UserId ?? "", profile.Name, profile.Tier, input.Kind, input.RequestType, input.Category, subject!, description!,
            profile.AccountNumber, null, null, input.Channel, input.SourceReference?.Trim() is { Length: > 0 } source ? source[..Math.Min(source.Length, 64)] : null,
            input.SubmissionId, ownerUserId, ownerName, team, []), cancellationToken);
    }

    internal static CaseCreated Created(Case found) => new(found.Reference, found.Kind, found.DueAt, found.FirstResponseDueAt);

    private static async Task<CaseCreated?> FindSubmissionAsync(Data.PortalDbContext db, int investorId, Guid submissionId, CancellationToken cancellationToken)
    {
        var earlier = await db.Set<Case>().AsNoTracking().Where(c => c.InvestorId == investorId && c.SubmissionId == submissionId)
            .Select(c => new { c.Reference, c.Kind, c.DueAt, c.FirstResponseDueAt }).SingleOrDefaultAsync(cancellationToken);
        return earlier is null ? null : new(earlier.Reference, earlier.Kind, earlier.DueAt, earlier.FirstResponseDueAt);
    }
}
