using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases;

// A chat message left while no agent was online becomes a case for the desk (channel Chat).
public sealed partial class InvestorCases
{
    private const int SubjectFromText = 80;

    /// <summary>
    /// Opens the investor's offline chat message as a case: a complaint, or a request of type Other, its subject the
    /// message's first line. The same <paramref name="submissionId"/> again returns the first case.
    /// </summary>
    public async Task<CaseCreated> LeaveChatMessageAsync(
        Actor actor, CaseKind kind, CaseCategory category, string text, Guid submissionId, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        var errors = new Dictionary<string, string>();
        var description = store.CheckText(errors, nameof(text), text, CaseLimits.MaxDescription);
        CaseStore.ThrowIfInvalid(errors);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var profile = await store.Investors.FindProfileAsync(db, actor, investorId, cancellationToken) ?? throw store.NotFound();
        return await store.CreateAsync(actor, new NewCase(
            investorId, actor.UserId!, profile.Name, profile.Tier, kind, kind == CaseKind.Request ? RequestType.Other : null, category,
            SubjectOf(description!), description!, profile.AccountNumber, null, null, CaseChannel.Chat, null, submissionId, null, null,
            StaffTeam.InboundTier1, []), cancellationToken);
    }

    private static string SubjectOf(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= SubjectFromText ? line : string.Concat(line.AsSpan(0, SubjectFromText - 1), "…");
    }
}
