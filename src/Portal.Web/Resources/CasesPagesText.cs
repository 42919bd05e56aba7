namespace Portal.Web.Resources;

/// <summary>The case pages: the investor's complaints and requests, the agent desk, call records, points and the case editors.</summary>
public sealed class CasesPagesText;
