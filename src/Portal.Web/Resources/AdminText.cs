namespace Portal.Web.Resources;

/// <summary>The admin settings page: the business calendar and the tier thresholds.</summary>
public sealed class AdminText;
