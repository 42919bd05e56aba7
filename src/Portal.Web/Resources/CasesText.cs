namespace Portal.Web.Resources;

/// <summary>The cases' own texts: the services' refusals and field errors, the limits setting's errors, notification values.</summary>
public sealed class CasesText;
