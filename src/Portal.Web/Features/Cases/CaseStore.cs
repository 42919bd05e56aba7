using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Admin.Settings;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;
using Portal.Web.Features.Notifications;
using Portal.Web.Resources;

namespace Portal.Web.Features.Cases;

/// <summary>The rules in force for one operation: the business calendar and the limits table.</summary>
public sealed record CaseRules(BusinessCalendar Calendar, CaseLimitsTable Limits);

/// <summary>
/// What the cases services share: the rules in force, refusals in the user's language, checks of input and files,
/// loading a case, and saving a change with its timeline step, audit row and client notification in one SaveChanges
/// (a stale version refused), then publishing it. Not for pages: they call <see cref="InvestorCases"/>,
/// <see cref="CaseDesk"/>, <see cref="CallRecords"/>.
/// </summary>
public sealed partial class CaseStore(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    AuditTrail audit,
    SettingsStore settings,
    CaseLimitsSetting limitsSetting,
    BusinessCalendarProvider calendars,
    InvestorDirectory investors,
    CaseUpdates updates,
    NotificationOutbox outbox,
    IStringLocalizer<CasesText> text)
{
    /// <summary>Who works the desk.</summary>
    public static readonly string[] DeskRoles = [Roles.Agent, Roles.Specialist, Roles.Supervisor];

    internal IDbContextFactory<PortalDbContext> Db => dbFactory;

    /// <summary>Now, to the whole millisecond: what both databases keep exactly, so a time read back equals the time written.</summary>
    internal DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    internal AuditTrail Audit => audit;

    internal InvestorDirectory Investors => investors;

    internal IStringLocalizer<CasesText> Text => text;

    public async Task<CaseRules> RulesAsync(CancellationToken cancellationToken) =>
        new(await calendars.GetAsync(cancellationToken), (await settings.GetAsync(limitsSetting, cancellationToken)).Value);

    internal static string Subject(string reference) => "case:" + reference;

    /// <summary>The team a member of staff works in: specialists are tier 2, everyone else on the desk tier 1.</summary>
    internal static StaffTeam TeamOf(Actor actor) => actor.IsInRole(Roles.Specialist) ? StaffTeam.InboundTier2 : StaffTeam.InboundTier1;

    internal CaseException NotFound() => new(CaseError.NotFound, text["Error.NotFound"]);

    internal CaseException Stale() => new(CaseError.Stale, text["Error.Stale"]);

    internal CaseException NotAllowed(string key, params object[] arguments) => new(CaseError.NotAllowed, text[key, arguments]);

    /// <summary>Throws <see cref="CaseError.Invalid"/> with the collected field errors, if any.</summary>
    internal static void ThrowIfInvalid(Dictionary<string, string> errors)
    {
        if (errors.Count > 0)
        {
            throw new CaseException(CaseError.Invalid, string.Join(" ", errors.Values), errors);
        }
    }

    /// <summary>
    /// The checks every new case passes, recording field errors: a known kind, category (and channel); a request type
    /// for a request and none for a complaint; subject and description within their limits; a submission id.
    /// Returns the trimmed subject and description.
    /// </summary>
    internal (string? Subject, string? Description) CheckNewCase(
        Dictionary<string, string> errors, CaseKind kind, RequestType? requestType, CaseCategory category, string? subject, string? description,
        Guid submissionId, CaseChannel channel = CaseChannel.Portal)
    {
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(category) || !Enum.IsDefined(channel))
        {
            errors[nameof(NewCaseInput.Kind)] = text["Error.Required"];
        }

        if (kind == CaseKind.Request ? requestType is not { } type || !Enum.IsDefined(type) : requestType is not null)
        {
            errors[nameof(NewCaseInput.RequestType)] = text[kind == CaseKind.Request ? "Error.Required" : "Error.RequestTypeForComplaint"];
        }

        var checkedSubject = CheckText(errors, nameof(NewCaseInput.Subject), subject, CaseLimits.MaxSubject);
        var checkedDescription = CheckText(errors, nameof(NewCaseInput.Description), description, CaseLimits.MaxDescription);
        if (submissionId == Guid.Empty)
        {
            errors[nameof(NewCaseInput.SubmissionId)] = text["Error.Required"];
        }

        return (checkedSubject, checkedDescription);
    }

    /// <summary>The trimmed text; records a field error when it is required and empty or longer than <paramref name="max"/>.</summary>
    internal string? CheckText(Dictionary<string, string> errors, string field, string? value, int max, bool required = true)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                errors[field] = text["Error.Required"];
            }

            return null;
        }

        if (trimmed.Length > max)
        {
            errors[field] = text["Error.TooLong", max];
        }

        return trimmed;
    }

    /// <summary>
    /// The files as they will be stored, their type from their bytes. Refuses (<see cref="CaseError.AttachmentRejected"/>,
    /// field <c>Attachments</c>, a reason per file) more than <see cref="CaseLimits.MaxAttachments"/> files, an empty or
    /// too large one, and any that is not a PDF, JPEG or PNG whatever its name says.
    /// </summary>
    internal IReadOnlyList<(string FileName, string ContentType, byte[] Content)> CheckAttachments(IReadOnlyList<UploadedFile>? files)
    {
        files ??= [];
        var reasons = new List<string>();
        if (files.Count > CaseLimits.MaxAttachments)
        {
            reasons.Add(text["Attachment.TooMany", CaseLimits.MaxAttachments]);
        }

        var accepted = new List<(string, string, byte[])>();
        foreach (var file in files.Take(CaseLimits.MaxAttachments))
        {
            var label = string.IsNullOrWhiteSpace(file.FileName) ? text["Attachment.Unnamed"].Value : Path.GetFileName(file.FileName.Replace('\\', '/'));
            var content = file.Content ?? [];
            if (content.Length == 0)
            {
                reasons.Add(text["Attachment.Empty", label]);
            }
            else if (content.Length > CaseLimits.MaxAttachmentBytes)
            {
                reasons.Add(text["Attachment.TooLarge", label, CaseLimits.MaxAttachmentBytes / (1024 * 1024)]);
            }
            else if (AttachmentSniffer.Sniff(content) is not { } contentType)
            {
                reasons.Add(text["Attachment.WrongType", label]);
            }
            else
            {
                accepted.Add((AttachmentSniffer.SafeFileName(file.FileName, contentType), contentType, content));
            }
        }

        if (reasons.Count > 0)
        {
            var message = string.Join(" ", reasons);
            throw new CaseException(CaseError.AttachmentRejected, message, new Dictionary<string, string> { ["Attachments"] = message });
        }

        return accepted;
    }

    /// <summary>The case, tracked, or <see cref="CaseError.NotFound"/>.</summary>
    internal async Task<Case> LoadAsync(PortalDbContext db, string? reference, CancellationToken cancellationToken)
    {
        if (CaseReference.KindOf(reference) is null)
        {
            throw NotFound();
        }

        return await db.Set<Case>().SingleOrDefaultAsync(c => c.Reference == reference, cancellationToken) ?? throw NotFound();
    }

    /// <summary>The investor's own case, tracked; anyone else's is <see cref="CaseError.NotFound"/>.</summary>
    internal async Task<Case> LoadOwnAsync(PortalDbContext db, Actor actor, string? reference, CancellationToken cancellationToken)
    {
        var investorId = actor.RequireInvestor();
        var found = await LoadAsync(db, reference, cancellationToken);
        return found.InvestorId == investorId ? found : throw NotFound();
    }

    internal void CheckVersion(Case found, int version)
    {
        if (found.Version != version)
        {
            throw Stale();
        }
    }

    internal static CaseEvent AddEvent(
        PortalDbContext db, Case found, CaseTimelineKind kind, Actor actor, DateTimeOffset at, string? eventText = null,
        CaseStatus? from = null, CaseStatus? to = null, bool byClient = false, bool isInternal = false, Guid? submissionId = null)
    {
        var step = new CaseEvent
        {
            Case = found, Kind = kind, ActorUserId = actor.UserId, ActorName = actor.Name, ByClient = byClient, Internal = isInternal,
            Text = eventText, FromStatus = from, ToStatus = to, At = at, SubmissionId = submissionId,
        };
        db.Add(step);
        return step;
    }

    internal static void AddAttachments(
        PortalDbContext db, Case found, CaseEvent step, Actor actor, DateTimeOffset at, IReadOnlyList<(string FileName, string ContentType, byte[] Content)> files)
    {
        foreach (var (fileName, contentType, content) in files)
        {
            db.Add(new CaseAttachment
            {
                Case = found, Event = step, FileName = fileName, ContentType = contentType, Size = content.Length, Content = content,
                UploadedByUserId = actor.UserId ?? "", UploadedByName = actor.Name, UploadedAt = at,
            });
        }
    }

    /// <summary>
    /// Saves a change to a loaded case: raises its version (the old one is in the UPDATE's WHERE, so a concurrent save
    /// loses with <see cref="CaseError.Stale"/>), then publishes it to the case's pages, the investor's lists and the desk.
    /// </summary>
    internal async Task SaveAsync(PortalDbContext db, Case found, CaseChangeKind kind, CancellationToken cancellationToken)
    {
        found.Version++;
        found.UpdatedAt = Now();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale();
        }

        await PublishAsync(found, kind, cancellationToken);
    }

    internal Task PublishAsync(Case found, CaseChangeKind kind, CancellationToken cancellationToken) =>
        updates.NotifyAsync(new CaseChanged(found.Reference, found.InvestorUserId, kind), cancellationToken);

    internal static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
}
