using System.Net;
using System.Text.RegularExpressions;
using Portal.Web.Features.Accounts.DemoData;
using Portal.Web.Resources;

namespace Portal.IntegrationTests;

/// <summary>Online activation as an investor does it. Each test uses its own generated investor (no online access yet).</summary>
public sealed partial class ActivationTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string NewPassword = "My-New-Password-2026";

    [Fact]
    public async Task An_investor_activates_with_the_emailed_code_and_then_signs_in()
    {
        var investor = DemoUsers.GeneratedInvestor(7);
        using var client = app.CreatePortalClient();

        using var requested = await RequestCodeAsync(client, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);
        var confirmUrl = requested.RedirectTarget();
        Assert.StartsWith("/Account/Activate/Confirm?", confirmUrl, StringComparison.Ordinal);
        var code = CodeFrom(app.Mailbox.LatestTextTo(investor.Email));

        using var confirmed = await ConfirmAsync(client, confirmUrl!, code);
        Assert.Equal("/Account/Login?status=activated", confirmed.RedirectTarget());
        using var loginPage = await client.GetAsync("/Account/Login?status=activated");
        Assert.Contains(app.Text<AccountsText>("Login.Activated"), await loginPage.ReadTextAsync());

        using var signIn = await client.SignInAsync(investor.Email, NewPassword);
        Assert.Equal("/", signIn.RedirectTarget());
        using var dashboard = await client.GetAsync("/");
        Assert.Contains(investor.Name, await dashboard.ReadTextAsync());
    }

    [Fact]
    public async Task The_mobile_number_on_file_also_proves_who_the_investor_is()
    {
        var investor = DemoUsers.GeneratedInvestor(8);
        using var client = app.CreatePortalClient();

        using var requested = await RequestCodeAsync(client, investor.AccountNumber, investor.IdNumber[^4..], investor.Mobile);

        Assert.StartsWith("/Account/Activate/Confirm?", requested.RedirectTarget(), StringComparison.Ordinal);
        Assert.Single(app.Mailbox.To(investor.Email));
    }

    [Fact]
    public async Task Wrong_details_and_an_unknown_account_get_the_same_neutral_message_and_no_email()
    {
        var investor = DemoUsers.GeneratedInvestor(9);
        var wrongLast4 = investor.IdNumber[^4..] == "0000" ? "1111" : "0000";
        using var client = app.CreatePortalClient();

        using var wrongId = await RequestCodeAsync(client, investor.AccountNumber, wrongLast4, investor.Email);
        using var wrongContact = await RequestCodeAsync(client, investor.AccountNumber, investor.IdNumber[^4..], "someone.else@example.cn");
        using var unknown = await RequestCodeAsync(client, "889999999999", "1234", "nobody@example.cn");

        var neutral = app.Text<AccountsText>("Activate.NotRecognised");
        foreach (var response in new[] { wrongId, wrongContact, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(neutral, await response.ReadTextAsync());
        }

        Assert.Empty(app.Mailbox.To(investor.Email));
    }

    [Fact]
    public async Task Repeated_wrong_details_hit_the_rate_limit_even_when_the_details_are_then_right()
    {
        var investor = DemoUsers.GeneratedInvestor(10);
        using var client = app.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await RequestCodeAsync(client, investor.AccountNumber, "000" + attempt, investor.Email);
            Assert.Contains(app.Text<AccountsText>("Activate.NotRecognised"), await wrong.ReadTextAsync());
        }

        using var blocked = await RequestCodeAsync(client, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);

        Assert.Contains(app.Text<AccountsText>("Activate.TooMany"), await blocked.ReadTextAsync());
        Assert.Empty(app.Mailbox.To(investor.Email));
    }

    [Fact]
    public async Task Wrong_details_for_many_accounts_block_that_client_address_but_not_others()
    {
        using var guesser = app.CreatePortalClient();
        using var someoneElse = app.CreatePortalClient();
        for (var n = 12; n <= 16; n++)
        {
            var other = DemoUsers.GeneratedInvestor(n);
            using var wrong = await RequestCodeAsync(guesser, other.AccountNumber, other.IdNumber[^4..] == "0000" ? "1111" : "0000", other.Email);
        }

        var investor = DemoUsers.GeneratedInvestor(17);
        using var blocked = await RequestCodeAsync(guesser, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);
        using var allowed = await RequestCodeAsync(someoneElse, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);

        Assert.Contains(app.Text<AccountsText>("Activate.TooMany"), await blocked.ReadTextAsync());
        Assert.StartsWith("/Account/Activate/Confirm?", allowed.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_cannot_dodge_the_address_limit_with_a_faked_forwarded_header()
    {
        using var guesser = app.CreatePortalClient();
        for (var n = 18; n <= 22; n++)
        {
            // Each guess claims to come through a proxy from a different address; the client is no trusted proxy.
            guesser.DefaultRequestHeaders.Remove("X-Forwarded-For");
            guesser.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{n}");
            var other = DemoUsers.GeneratedInvestor(n);
            using var wrong = await RequestCodeAsync(guesser, other.AccountNumber, other.IdNumber[^4..] == "0000" ? "1111" : "0000", other.Email);
        }

        guesser.DefaultRequestHeaders.Remove("X-Forwarded-For");
        guesser.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.99");
        var investor = DemoUsers.GeneratedInvestor(23);
        using var blocked = await RequestCodeAsync(guesser, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);

        Assert.Contains(app.Text<AccountsText>("Activate.TooMany"), await blocked.ReadTextAsync());
    }

    [Fact]
    public async Task Wrong_codes_are_counted_and_the_fifth_ends_the_request()
    {
        var investor = DemoUsers.GeneratedInvestor(11);
        using var client = app.CreatePortalClient();
        using var requested = await RequestCodeAsync(client, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);
        var confirmUrl = requested.RedirectTarget()!;
        var code = CodeFrom(app.Mailbox.LatestTextTo(investor.Email));
        var wrongCode = code == "000000" ? "111111" : "000000";

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await ConfirmAsync(client, confirmUrl, wrongCode);
            Assert.Contains(app.Text<AccountsText>("Activate.Confirm.WrongCode"), await wrong.ReadTextAsync());
        }

        using var fifth = await ConfirmAsync(client, confirmUrl, wrongCode);
        using var rightTooLate = await ConfirmAsync(client, confirmUrl, code);

        Assert.Contains(app.Text<AccountsText>("Activate.Confirm.TooMany"), await fifth.ReadTextAsync());
        Assert.Contains(app.Text<AccountsText>("Activate.Confirm.TooMany"), await rightTooLate.ReadTextAsync());
        using var signIn = await client.SignInAsync(investor.Email, NewPassword);
        Assert.Contains(app.Text<AccountsText>("Login.Invalid"), await signIn.ReadTextAsync());
    }

    [Fact]
    public async Task An_investor_who_already_has_online_access_is_told_so()
    {
        var silver = DemoAccountsSeeder.Investors[0];
        using var client = app.CreatePortalClient();

        using var response = await RequestCodeAsync(client, silver.AccountNumber, silver.IdNumber[^4..], silver.Email);

        Assert.Contains(app.Text<AccountsText>("Activate.AlreadyActive"), await response.ReadTextAsync());
    }

    private static Task<HttpResponseMessage> RequestCodeAsync(HttpClient client, string accountNumber, string idLast4, string contact) =>
        client.SubmitFormAsync("/Account/Activate", "activate", new Dictionary<string, string>
        {
            ["Input.AccountNumber"] = accountNumber,
            ["Input.IdLast4"] = idLast4,
            ["Input.Contact"] = contact,
        });

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string confirmUrl, string code) =>
        client.SubmitFormAsync(confirmUrl, "activate-confirm", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

    private static string CodeFrom(string body)
    {
        var match = SixDigits().Match(body);
        Assert.True(match.Success, "The activation e-mail has no 6-digit code:\n" + body);
        return match.Value;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
