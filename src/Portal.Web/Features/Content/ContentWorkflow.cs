using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Content;

/// <summary>Who is acting in the editor workspace: the acting user, read as the editorial rules need them.</summary>
public sealed record ContentActor(string UserId, string Name, bool IsEditor, bool IsSupervisor)
{
    private Actor? _actor;

    /// <summary>From the acting user a page gets from <see cref="CurrentActor"/> (with the client's address, for the audit trail).</summary>
    public static ContentActor From(Actor actor) =>
        new(actor.UserId ?? "", actor.Name, actor.IsInRole(Roles.Editor), actor.IsInRole(Roles.Supervisor)) { _actor = actor };

    /// <summary>This editor as the audit trail records them.</summary>
    public Actor AsActor()
    {
        if (_actor is not null)
        {
            return _actor;
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        if (IsEditor)
        {
            roles.Add(Roles.Editor);
        }

        if (IsSupervisor)
        {
            roles.Add(Roles.Supervisor);
        }

        return new(UserId, Name, roles, null, null);
    }
}

/// <summary>One step of an item's history, as the four-eyes rule reads it.</summary>
public sealed record ContentVersionStep(int Number, string Action, string? ChangedById);

/// <summary>A refused workflow step; <see cref="Code"/> is a ContentText resource key.</summary>
public sealed class ContentWorkflowException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>The editorial rules, free of I/O: who may do what in which status.</summary>
public static class ContentWorkflowRules
{
    public const string NotAllowed = "Error.NotAllowed";
    public const string OwnWork = "Error.OwnWork";
    public const string WrongStatus = "Error.WrongStatus";
    public const string Stale = "Error.Stale";
    public const string NotFound = "Error.NotFound";
    public const string CommentRequired = "Error.CommentRequired";
    public const string SlugTaken = "Error.SlugTaken";
    public const string SlugInvalid = "Error.SlugInvalid";
    public const string Incomplete = "Error.Incomplete";

    /// <summary>Text under review is frozen until the reviewer decides; only editors write.</summary>
    public static string? EditRefusal(ContentItem item, ContentActor actor) =>
        !actor.IsEditor ? NotAllowed
        : item.Status == ContentStatus.InReview ? WrongStatus
        : null;

    /// <summary>
    /// Null when the actor may approve (or send back) the item; otherwise the reason. <paramref name="editors"/> are
    /// the users who changed its text since it was last approved (<see cref="EditorsUnderReview"/>).
    /// </summary>
    public static string? ApprovalRefusal(ContentItem item, ContentActor actor, IReadOnlySet<string> editors)
    {
        if (!actor.IsEditor && !actor.IsSupervisor)
        {
            return NotAllowed;
        }

        if (item.Status != ContentStatus.InReview)
        {
            return WrongStatus;
        }

        // Four eyes: no one who wrote any part of the text under review approves it.
        return string.Equals(item.AuthorId, actor.UserId, StringComparison.Ordinal) || editors.Contains(actor.UserId) ? OwnWork : null;
    }

    /// <summary>Who changed the text since it was last approved or imported: the authors of the version under review.</summary>
    public static IReadOnlySet<string> EditorsUnderReview(IEnumerable<ContentVersionStep> versions)
    {
        var steps = versions.OrderBy(v => v.Number).ToList();
        var settled = steps.FindLastIndex(v => ContentVersions.Settled.Contains(v.Action));
        return steps.Skip(settled + 1)
            .Where(v => v.ChangedById is not null && ContentVersions.TextChanges.Contains(v.Action))
            .Select(v => v.ChangedById!)
            .ToHashSet(StringComparer.Ordinal);
    }

    public static string? SubmitRefusal(ContentItem item, ContentActor actor) =>
        !actor.IsEditor ? NotAllowed
        : item.Status is ContentStatus.Draft or ContentStatus.Unpublished ? null
        : WrongStatus;

    public static string? UnpublishRefusal(ContentItem item, ContentActor actor) =>
        !actor.IsEditor && !actor.IsSupervisor ? NotAllowed
        : item.Status is ContentStatus.Published or ContentStatus.Scheduled ? null
        : WrongStatus;

    /// <summary>Status after approval: published now, or scheduled for a future publish-at time.</summary>
    public static ContentStatus StatusAfterApproval(DateTimeOffset? publishAt, DateTimeOffset now) =>
        publishAt is { } at && at > now ? ContentStatus.Scheduled : ContentStatus.Published;
}

/// <summary>Recognises uploaded images by their first bytes, never by name or declared type.</summary>
public static class ImageSniffer
{
    public static string? Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        return data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
    }
}

public static class ContentRoles
{
    /// <summary>Who may approve or send back content in review.</summary>
    public const string Reviewers = Roles.Editor + "," + Roles.Supervisor;
}
