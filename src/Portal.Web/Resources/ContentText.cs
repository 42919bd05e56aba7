namespace Portal.Web.Resources;

/// <summary>Learn, FAQ, announcements, search and the editor workspace.</summary>
public sealed class ContentText;
