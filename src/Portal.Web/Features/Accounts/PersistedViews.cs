using Portal.Web.Features.Statements;

namespace Portal.Web.Features.Accounts;

// What the account pages keep from the prerender for the interactive render ([PersistentState]). They hold
// only what the page shows the signed-in user: no internal ids, no e-mail, nothing of anyone else.

/// <summary>The investor dashboard ("/"); both parts are null when the user has no investor record.</summary>
public sealed record InvestorHomeView(InvestorCard? Investor, InvestorDashboard? Dashboard);

/// <summary>The investor as the dashboard greets them.</summary>
public sealed record InvestorCard(string Name, string AccountNumber, ClientTier Tier, string? AdviserName, string? AdviserStaffNumber)
{
    public static InvestorCard From(InvestorSummary investor) =>
        new(investor.Name, investor.AccountNumber, investor.Tier, investor.AdviserName, investor.AdviserStaffNumber);
}

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
