namespace Portal.Web.Features.Cases.Ui;

/// <summary>The case pages' addresses, from the route contract.</summary>
public static class CaseLinks
{
    /// <summary>The kind an investor page serves, from its address relative to the base (<c>complaints/…</c> or <c>requests/…</c>).</summary>
    public static CaseKind KindOf(string relativePath) =>
        relativePath.StartsWith("complaints", StringComparison.OrdinalIgnoreCase) ? CaseKind.Complaint : CaseKind.Request;

    /// <summary>The investor's list of one kind: <c>/complaints</c> or <c>/requests</c>.</summary>
    public static string InvestorList(CaseKind kind) => kind == CaseKind.Complaint ? "/complaints" : "/requests";

    public static string NewCase(CaseKind kind) => InvestorList(kind) + "/new";

    public static string Investor(CaseKind kind, string reference) => $"{InvestorList(kind)}/{Uri.EscapeDataString(reference)}";

    public static string Desk(string reference) => $"/agent/tickets/{Uri.EscapeDataString(reference)}";

    /// <summary>The download of one attachment (the owner investor and desk staff only).</summary>
    public static string Attachment(string reference, long id) => $"/cases/{Uri.EscapeDataString(reference)}/attachments/{id}";
}
