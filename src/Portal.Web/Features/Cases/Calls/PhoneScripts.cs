using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases;

/// <summary>The phone scripts shown beside the call record form; supervisors edit them.</summary>
public sealed class PhoneScripts
{
    /// <summary>The desk's scripts in the current UI culture, falling back to English.</summary>
    public Task<IReadOnlyList<PhoneScript>> ListAsync(Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task SaveAsync(Actor actor, PhoneScriptKind kind, string culture, string text, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
