using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Content;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Statements;
using Portal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddOperations();
builder.AddPortalLocalization();
builder.AddLiveUpdates();
builder.AddAudit();
builder.AddNotifications();
builder.AddAccounts();
builder.AddStatements();
builder.AddContent();
builder.AddPortalUi();

var app = builder.Build();

app.UseOperations();
app.MapOperations();
app.MapAccounts();
app.MapStatements();
app.MapContent();
app.MapPortalUi();

await app.InitializeDatabaseAsync();
if (StatementsCommands.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}

await app.RunAsync();
return 0;

/// <summary>The entry point; public so the integration tests can host it.</summary>
public partial class Program;
