using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

/// <summary>A case file's bytes, for the download.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Case files at <c>/cases/{reference}/attachments/{id}</c>: for the case's own investor and for desk staff (audited);
/// to anyone else the file is not there (404). Always a download, never sniffed by the browser.
/// </summary>
public sealed class CaseAttachments(CaseStore store)
{
    public const string Route = "/cases/{reference}/attachments/{id:long}";

    public static string UrlOf(string reference, long id) => $"/cases/{reference}/attachments/{id}";

    public async Task<AttachmentDownload?> FindAsync(Actor actor, string reference, long id, CancellationToken cancellationToken = default)
    {
        var staff = actor.IsInAnyRole(CaseStore.DeskRoles);
        var investorId = actor.IsInRole(Roles.Investor) ? actor.InvestorId : null;
        if ((!staff && investorId is null) || CaseReference.KindOf(reference) is null)
        {
            return null;
        }

        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var file = await db.Set<CaseAttachment>().AsNoTracking()
            .Where(a => a.Id == id && a.Case!.Reference == reference && (staff || a.Case.InvestorId == investorId))
            .Select(a => new AttachmentDownload(a.FileName, a.ContentType, a.Content)).SingleOrDefaultAsync(cancellationToken);
        if (file is not null && staff)
        {
            await store.Audit.RecordAsync(actor, AuditActions.CaseAttachmentDownload, CaseStore.Subject(reference), file.FileName, cancellationToken);
        }

        return file;
    }
}
