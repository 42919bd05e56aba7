using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Booking;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Ui;
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
builder.AddAdmin();
builder.AddStatements();
builder.AddContent();
builder.AddChat();
builder.AddChatPages();
builder.AddCases();
builder.AddBooking();
builder.AddPortalUi();
builder.AddPublicPageCaching();
builder.AddPortalSecurityHeaders();
builder.AddPortalRateLimits();
builder.AddSignInRequiredByDefault();

var app = builder.Build();

// The request pipeline, in order.
app.UseForwardedHeaders();      // the client's own address and scheme, believed from trusted proxies only
app.UseSecurityHeaders();       // CSP and the other browser protections, on every response (errors too)
app.UseOperations();            // error page, HSTS and HTTPS outside Development, status pages, request log
app.UsePortalRateLimits();      // 429 for floods of sign-in, activation, code, password-reset and search requests
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();            // anonymous public pages rendered once a minute per language and theme
app.UseAntiforgery();

app.MapOperations();
app.MapAccounts();
app.MapStatements();
app.MapContent();
app.MapAudit();
app.MapChat();
app.MapCases();
app.MapBooking();
app.MapNotifications();
app.MapPortalUi();

await app.InitializeDatabaseAsync();
if (StatementsCommands.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}

if (AuditCommands.IsCommand(args))
{
    return await app.RunAuditCommandAsync(args);
}

await app.RunAsync();
return 0;

/// <summary>The entry point; public so the integration tests can host it.</summary>
public partial class Program;
