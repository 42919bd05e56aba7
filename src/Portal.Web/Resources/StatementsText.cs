namespace Portal.Web.Resources;

/// <summary>Statements, transactions, the investor dashboard, client summary, month-end and imports.</summary>
public sealed class StatementsText;
