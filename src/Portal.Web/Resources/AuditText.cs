namespace Portal.Web.Resources;

/// <summary>The audit trail page, its CSV export and the names of the audited actions.</summary>
public sealed class AuditText;
