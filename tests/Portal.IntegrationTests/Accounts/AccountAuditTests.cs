using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;

namespace Portal.IntegrationTests.Accounts;

/// <summary>
/// Sign-in events and account changes as the audit trail keeps them: who, when, from which address, what, and to whom.
/// Each test reads the rows of its own client address, so tests of the class do not see each other's rows.
/// </summary>
public sealed partial class AccountAuditTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_sign_in_and_a_failed_sign_in_are_recorded_with_who_when_where_and_the_email_tried()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        using var client = app.CreatePortalClient();
        var started = DateTimeOffset.UtcNow.AddSeconds(-2);

        using var failed = await client.SignInAsync(user.Email, "Wrong-Password-1");
        using var signedIn = await client.SignInAsync(user.Email, user.Password);

        var rows = await RowsFromAsync(client);
        var failure = Assert.Single(rows, r => r.Action == AuditActions.SignInFailed);
        Assert.Equal("email:" + user.Email, failure.Subject);
        Assert.Null(failure.ActorUserId);
        Assert.Equal("anonymous", failure.ActorName);
        Assert.InRange(failure.At, started, DateTimeOffset.UtcNow.AddSeconds(2));
        var success = Assert.Single(rows, r => r.Action == AuditActions.SignIn);
        Assert.Equal("email:" + user.Email, success.Subject);
        Assert.Equal(user.Id, success.ActorUserId);
        Assert.Equal("Test Agent", success.ActorName);
        Assert.InRange(success.At, failure.At, DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.DoesNotContain(rows, r => $"{r.Subject} {r.Details}".Contains("Password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_failed_sign_ins_write_a_lockout_row()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        using var client = app.CreatePortalClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SignInAsync(user.Email, "Wrong-Password-" + attempt);
        }

        var rows = await RowsFromAsync(client);
        Assert.Equal(4, rows.Count(r => r.Action == AuditActions.SignInFailed));
        var lockout = Assert.Single(rows, r => r.Action == AuditActions.Lockout);
        Assert.Equal("email:" + user.Email, lockout.Subject);
    }

    [Fact]
    public async Task A_forbidden_page_a_password_change_and_the_sign_out_are_recorded()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        using var client = await app.SignedInClientAsync(user.Email, user.Password);

        using var forbidden = await client.GetAsync("/admin/users?search=x");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        const string NewPassword = "Changed-Password-2026";
        using var changed = await client.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = user.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Account/Manage/ChangePassword?done=true", changed.RedirectTarget());
        using var home = await client.GetAsync("/agent");
        var token = HtmlForms.HiddenFieldsOfFormWithId(await home.Content.ReadAsStringAsync(), "sign-out-form")["__RequestVerificationToken"];
        using var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        var rows = await RowsFromAsync(client);
        var denied = Assert.Single(rows, r => r.Action == AuditActions.AccessDenied);
        Assert.Equal("page:/admin/users", denied.Subject);
        Assert.Equal(user.Id, denied.ActorUserId);
        var passwordChanged = Assert.Single(rows, r => r.Action == AuditActions.PasswordChanged);
        Assert.Equal("user:" + user.Id, passwordChanged.Subject);
        Assert.Equal(user.Id, passwordChanged.ActorUserId);
        var signedOut = Assert.Single(rows, r => r.Action == AuditActions.SignOut);
        Assert.Equal("user:" + user.Id, signedOut.Subject);
        Assert.Equal(user.Id, signedOut.ActorUserId);
    }

    [Fact]
    public async Task A_password_reset_request_and_the_reset_are_recorded()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        using var client = app.CreatePortalClient();

        using var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = user.Email });
        var link = ResetLink().Match(app.Mailbox.LatestTextTo(user.Email)).Value;
        using var reset = await client.SubmitFormAsync(new Uri(link).PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = "Reset-Password-2026",
            ["Input.ConfirmPassword"] = "Reset-Password-2026",
        });
        Assert.Equal("/Account/Login?status=reset", reset.RedirectTarget());

        var rows = await RowsFromAsync(client);
        Assert.Equal("email:" + user.Email, Assert.Single(rows, r => r.Action == AuditActions.PasswordResetRequested).Subject);
        Assert.Equal("user:" + user.Id, Assert.Single(rows, r => r.Action == AuditActions.PasswordReset).Subject);
        Assert.DoesNotContain(rows, r => (r.Details ?? "").Contains(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turning_two_step_sign_in_on_new_recovery_codes_and_turning_it_off_are_recorded()
    {
        var user = await app.CreateUserAsync(Roles.Supervisor);
        using var client = await app.SignedInClientAsync(user.Email, user.Password);
        using (await client.GetAsync("/Account/Manage/TwoFactor"))
        {
            // The page made the key; an authenticator app would now show its codes.
        }

        var key = await AuthenticatorKeyAsync(user.Id);
        using var enabled = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "enable-2fa",
            new Dictionary<string, string> { ["Enable.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        using var newCodes = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "new-recovery-codes", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, newCodes.StatusCode);
        using var disabled = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "disable-2fa",
            new Dictionary<string, string> { ["Disable.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/Account/Manage/TwoFactor?status=disabled", disabled.RedirectTarget());

        var rows = await RowsFromAsync(client);
        foreach (var action in new[] { AuditActions.TwoFactorEnabled, AuditActions.RecoveryCodesGenerated, AuditActions.TwoFactorDisabled })
        {
            var row = Assert.Single(rows, r => r.Action == action);
            Assert.Equal("user:" + user.Id, row.Subject);
            Assert.Equal(user.Id, row.ActorUserId);
        }
    }

    [Fact]
    public async Task Sending_an_activation_code_and_activating_are_recorded_against_the_investor()
    {
        var investor = DemoUsers.GeneratedInvestor(45);
        using var client = app.CreatePortalClient();
        using var requested = await client.SubmitFormAsync("/Account/Activate", "activate", new Dictionary<string, string>
        {
            ["Input.AccountNumber"] = investor.AccountNumber,
            ["Input.IdLast4"] = investor.IdNumber[^4..],
            ["Input.Contact"] = investor.Email,
        });
        var code = SixDigits().Match(app.Mailbox.LatestTextTo(investor.Email)).Value;
        using var activated = await client.SubmitFormAsync(requested.RedirectTarget()!, "activate-confirm", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Password"] = "Activated-Password-2026",
            ["Input.ConfirmPassword"] = "Activated-Password-2026",
        });
        Assert.Equal("/Account/Login?status=activated", activated.RedirectTarget());

        var rows = await RowsFromAsync(client);
        var sent = Assert.Single(rows, r => r.Action == AuditActions.ActivationCodeSent);
        Assert.Equal("investor:" + investor.AccountNumber, sent.Subject);
        Assert.DoesNotContain(code, sent.Details ?? "", StringComparison.Ordinal);
        var activation = Assert.Single(rows, r => r.Action == AuditActions.Activation);
        Assert.Equal("investor:" + investor.AccountNumber, activation.Subject);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == investor.Email).Select(u => u.Id).SingleAsync());
        Assert.Equal("user:" + userId, activation.Details);
    }

    private Task<List<AuditEntry>> RowsFromAsync(HttpClient client)
    {
        var address = client.DefaultRequestHeaders.GetValues(ClientAddressStartupFilter.Header).Single();
        return app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Address == address).OrderBy(e => e.Id).ToListAsync());
    }

    private async Task<string> AuthenticatorKeyAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId))!))!;
    }

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?code=\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
