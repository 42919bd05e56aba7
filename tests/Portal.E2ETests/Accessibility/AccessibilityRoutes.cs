using Portal.E2ETests.Pages;

namespace Portal.E2ETests.Accessibility;

/// <summary>Who opens a route: the role that owns it, signed in with its demo account, or a visitor (no account).</summary>
public sealed record Visitor(string Name, string? Email)
{
    public override string ToString() => Name;
}

/// <summary>
/// One page of the route contract as its owner sees it. <paramref name="Static"/> pages (the Identity forms) are
/// never interactive; <paramref name="Dark"/> pages are checked in the dark theme too; <paramref name="Status"/> is
/// the status the page answers with (the 403 and 404 pages). A route with <paramref name="LinkFrom"/> is a page whose
/// address depends on the demo data (a case's reference): its path is that of the first link on the page
/// <paramref name="LinkFrom"/> that starts with <paramref name="Path"/>.
/// </summary>
public sealed record AccessibilityRoute(Visitor Visitor, string Path, bool Static = false, bool Dark = false, int Status = 200, string? LinkFrom = null);

/// <summary>Every route the accessibility test checks, in both languages. A new page is one line here.</summary>
public static class AccessibilityRoutes
{
    public static readonly Visitor Anonymous = new("visitor", null);
    public static readonly Visitor Investor = new("investor", DemoAccounts.GoldInvestor);
    public static readonly Visitor Agent = new("agent", DemoAccounts.Agent);
    public static readonly Visitor Adviser = new("adviser", DemoAccounts.Adviser);
    public static readonly Visitor Editor = new("editor", DemoAccounts.Editor);
    public static readonly Visitor Supervisor = new("supervisor", DemoAccounts.Supervisor);
    public static readonly Visitor QualityInspector = new("qa", DemoAccounts.QualityInspector);
    public static readonly Visitor Admin = new("admin", DemoAccounts.Admin);

    public static readonly IReadOnlyList<AccessibilityRoute> All =
    [
        new(Anonymous, "/", Dark: true),
        new(Anonymous, "/faq"),
        new(Anonymous, "/faq/account-locked"),
        new(Anonymous, "/learn"),
        new(Anonymous, "/learn/getting-started", Dark: true),
        new(Anonymous, "/announcements"),
        new(Anonymous, "/search?q=fund"),
        new(Anonymous, "/Account/Login", Static: true, Dark: true),
        new(Anonymous, "/Account/Activate", Static: true),
        new(Anonymous, "/Account/ForgotPassword", Static: true),
        new(Anonymous, "/no-such-page", Status: 404),

        new(Investor, "/", Dark: true),
        new(Investor, "/statements", Dark: true),
        new(Investor, StatementPages.PathOf(StatementPages.LastClosedMonth), Dark: true),
        new(Investor, "/transactions", Dark: true),
        new(Investor, "/profile"),
        new(Investor, "/inbox"),
        new(Investor, "/settings/notifications"),
        new(Investor, "/chat", Dark: true),
        new(Investor, "/complaints", Dark: true),
        new(Investor, "/complaints/new"),
        new(Investor, "/requests"),
        new(Investor, "/requests/new", Dark: true),
        new(Investor, "/complaints/C-", LinkFrom: "/complaints"),
        new(Investor, "/requests/R-", Dark: true, LinkFrom: "/requests"),
        new(Investor, "/advisers", Dark: true),
        new(Investor, "/appointments"),
        new(Investor, "/Account/Manage/TwoFactor", Static: true),
        new(Investor, "/admin/users", Status: 403),

        new(Agent, "/agent", Dark: true),
        new(Agent, "/agent/tickets", Dark: true),
        new(Agent, "/agent/tickets/", Dark: true, LinkFrom: "/agent/tickets"),
        new(Agent, "/agent/calls/new"),
        new(Adviser, "/adviser"),
        new(Adviser, "/adviser/availability"),
        new(Adviser, "/adviser/profile"),
        new(Editor, "/editor", Dark: true),
        new(Editor, "/editor/new"),
        new(Editor, "/editor/review"),
        new(Supervisor, "/supervisor"),
        new(Supervisor, "/supervisor/clients"),
        new(Supervisor, "/agent/calls/new"),
        new(QualityInspector, "/qa"),
        new(Admin, "/admin/users", Dark: true),
        new(Admin, "/admin/imports"),
        new(Admin, "/admin/settings"),
        new(Admin, "/admin/audit"),
        new(Admin, "/admin/notifications"),
    ];

    public static IEnumerable<Visitor> Visitors => All.Select(r => r.Visitor).Distinct();
}
