namespace Portal.Web.Features.Accounts;

// What the account pages keep from the prerender for the interactive render ([PersistentState]). They hold
// only what the page shows the signed-in user: no internal ids, no e-mail, nothing of anyone else.

/// <summary>The profile page: the investor's details and the staff profile, whichever the user has.</summary>
public sealed record ProfileView(ProfileInvestor? Investor, StaffSummary? Staff);

public sealed record ProfileInvestor(string AccountNumber, string MaskedIdNumber, string Mobile, DateOnly Birthday, ClientTier Tier, string? AdviserName)
{
    public static ProfileInvestor From(InvestorSummary investor) =>
        new(investor.AccountNumber, investor.MaskedIdNumber, investor.Mobile, investor.Birthday, investor.Tier, investor.AdviserName);
}

/// <summary>The top of a staff home: the user's staff profile, null when they have none.</summary>
public sealed record StaffHomeView(StaffSummary? Staff);

/// <summary>How many clients one tier has (the supervisor's home).</summary>
public sealed record TierCount(ClientTier Tier, int Count);
