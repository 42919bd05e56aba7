using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
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
        var (confirmUrl, code) = await CodeSentAsync(client, investor);
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

    [Fact]
    public async Task The_fourth_code_request_for_one_account_within_the_hour_is_refused_and_sends_no_mail()
    {
        var investor = DemoUsers.GeneratedInvestor(30);
        for (var request = 1; request <= 3; request++)
        {
            // Each from its own address: the limit is the account's, whoever asks.
            using var client = app.CreatePortalClient();
            using var sent = await RequestCodeAsync(client, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);
            Assert.StartsWith("/Account/Activate/Confirm?", sent.RedirectTarget(), StringComparison.Ordinal);
        }

        using var fourthClient = app.CreatePortalClient();
        using var fourth = await RequestCodeAsync(fourthClient, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);

        Assert.Null(fourth.RedirectTarget());
        Assert.Contains(app.Text<AccountsText>("Activate.TooMany"), await fourth.ReadTextAsync());
        Assert.Equal(3, app.Mailbox.To(investor.Email).Count);
    }

    [Fact]
    public async Task One_address_gets_at_most_ten_codes_an_hour_even_for_different_accounts()
    {
        using var client = app.CreatePortalClient();
        for (var n = 31; n <= 40; n++)
        {
            var investor = DemoUsers.GeneratedInvestor(n);
            using var sent = await RequestCodeAsync(client, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);
            Assert.StartsWith("/Account/Activate/Confirm?", sent.RedirectTarget(), StringComparison.Ordinal);
        }

        var eleventh = DemoUsers.GeneratedInvestor(41);
        using var refused = await RequestCodeAsync(client, eleventh.AccountNumber, eleventh.IdNumber[^4..], eleventh.Email);

        Assert.Contains(app.Text<AccountsText>("Activate.TooMany"), await refused.ReadTextAsync());
        Assert.Empty(app.Mailbox.To(eleventh.Email));
    }

    [Fact]
    public async Task An_older_code_no_longer_works_once_a_new_one_is_sent()
    {
        var investor = DemoUsers.GeneratedInvestor(42);
        using var client = app.CreatePortalClient();
        var (firstUrl, firstCode) = await CodeSentAsync(client, investor);
        var (secondUrl, secondCode) = await CodeSentAsync(client, investor);

        using var old = await ConfirmAsync(client, firstUrl, firstCode);
        Assert.Contains(app.Text<AccountsText>("Activate.Confirm.Expired"), await old.ReadTextAsync());

        using var newest = await ConfirmAsync(client, secondUrl, secondCode);
        Assert.Equal("/Account/Login?status=activated", newest.RedirectTarget());
    }

    [Fact]
    public async Task Twenty_parallel_wrong_guesses_get_at_most_five_tries_and_then_the_code_is_dead()
    {
        var investor = DemoUsers.GeneratedInvestor(43);
        using var requester = app.CreatePortalClient();
        var (confirmUrl, code) = await CodeSentAsync(requester, investor);
        var wrongCode = code == "000000" ? "111111" : "000000";

        var clients = Enumerable.Range(0, 20).Select(_ => app.CreatePortalClient()).ToList();
        var answers = await Task.WhenAll(clients.Select(async client =>
        {
            using var response = await ConfirmAsync(client, confirmUrl, wrongCode);
            return await response.ReadTextAsync();
        }));
        clients.ForEach(c => c.Dispose());

        var wrongCodeText = app.Text<AccountsText>("Activate.Confirm.WrongCode");
        var tooManyText = app.Text<AccountsText>("Activate.Confirm.TooMany");
        // Four wrong answers, then the fifth try ends the code: every other guess was refused without being compared.
        Assert.True(answers.Count(a => a.Contains(wrongCodeText, StringComparison.Ordinal)) <= ActivationService.MaxCodeAttempts - 1,
            $"{answers.Count(a => a.Contains(wrongCodeText, StringComparison.Ordinal))} of 20 parallel guesses were compared with the code");
        Assert.All(answers, a => Assert.True(a.Contains(wrongCodeText, StringComparison.Ordinal) || a.Contains(tooManyText, StringComparison.Ordinal)));
        using var right = await ConfirmAsync(requester, confirmUrl, code);
        Assert.Contains(tooManyText, await right.ReadTextAsync());
        using var signIn = await requester.SignInAsync(investor.Email, NewPassword);
        Assert.Contains(app.Text<AccountsText>("Login.Invalid"), await signIn.ReadTextAsync());
    }

    [Fact]
    public async Task A_failure_after_the_user_is_created_leaves_no_user_behind_and_a_later_try_succeeds()
    {
        var investor = DemoUsers.GeneratedInvestor(44);
        using var client = app.CreatePortalClient();
        var (confirmUrl, code) = await CodeSentAsync(client, investor);
        var investorId = await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.AccountNumber == investor.AccountNumber).Select(i => i.Id).SingleAsync());
        // The database refuses to link this investor (as a constraint or a dropped connection would), after the user row is written.
        var refuseLink = $"""
            CREATE FUNCTION refuse_investor_link() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'investor link refused by the test'; END $$;
            CREATE TRIGGER refuse_investor_link BEFORE UPDATE ON "Investors" FOR EACH ROW WHEN (OLD."Id" = {investorId}) EXECUTE FUNCTION refuse_investor_link();
            """;
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(refuseLink));

        using var failed = await ConfirmAsync(client, confirmUrl, code);

        Assert.Contains(app.Text<AccountsText>("Activate.Confirm.Failed"), await failed.ReadTextAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == investor.Email)), "the half-made user was left behind");

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            DROP TRIGGER refuse_investor_link ON "Investors"; DROP FUNCTION refuse_investor_link();
            """));
        using var retried = await ConfirmAsync(client, confirmUrl, code);
        Assert.Equal("/Account/Login?status=activated", retried.RedirectTarget());
        using var signIn = await client.SignInAsync(investor.Email, NewPassword);
        Assert.Equal("/", signIn.RedirectTarget());
    }

    /// <summary>Asks for a code with the investor's right details; returns the confirmation page it led to and the e-mailed code.</summary>
    private async Task<(string ConfirmUrl, string Code)> CodeSentAsync(HttpClient client, GeneratedInvestor investor)
    {
        using var requested = await RequestCodeAsync(client, investor.AccountNumber, investor.IdNumber[^4..], investor.Email);
        var confirmUrl = requested.RedirectTarget() ?? throw new Xunit.Sdk.XunitException("The request for a code did not lead to the confirmation page.");
        return (confirmUrl, CodeFrom(app.Mailbox.LatestTextTo(investor.Email)));
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
