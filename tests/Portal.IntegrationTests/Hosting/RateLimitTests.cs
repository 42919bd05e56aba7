using System.Net;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Hosting;

/// <summary>Floods of sign-in, activation, code, forgot-password and search requests get 429 with a page that says so.</summary>
public sealed class RateLimitTests(RateLimitedPortalApp app) : IClassFixture<RateLimitedPortalApp>
{
    [Fact]
    public async Task The_sign_in_post_past_the_limit_from_one_address_gets_429_and_another_address_is_unaffected()
    {
        using var flooder = app.CreatePortalClient();
        for (var i = 0; i < RateLimitedPortalApp.SignInPerAddress; i++)
        {
            using var allowed = await flooder.SignInAsync(NewEmail(), "not-the-password-1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await flooder.SignInAsync(NewEmail(), "not-the-password-1");
        using var neighbourClient = app.CreatePortalClient();
        using var neighbour = await neighbourClient.SignInAsync(DemoUsers.GoldInvestor, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);
        var page = await refused.ReadTextAsync();
        Assert.Contains(app.Text<UiText>("Status.429.Title"), page);
        Assert.Contains(app.Text<UiText>("Status.429.Message"), page);
        Assert.Equal("/", neighbour.RedirectTarget());
    }

    [Fact]
    public async Task Sign_in_posts_naming_one_account_are_limited_across_addresses_and_the_page_speaks_chinese()
    {
        var email = NewEmail();
        for (var i = 0; i < RateLimitedPortalApp.SignInPerAccount; i++)
        {
            using var client = app.CreatePortalClient();
            using var allowed = await client.SignInAsync(email, "not-the-password-1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var chinese = app.CreatePortalClient();
        using var _ = await chinese.GetAsync("/culture/zh-Hans?returnUrl=/");
        using var refused = await chinese.SignInAsync(email.ToUpperInvariant(), "not-the-password-1");
        using var otherAccount = await chinese.SignInAsync(NewEmail(), "not-the-password-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);
        Assert.Contains(app.Text<UiText>("Status.429.Title", "zh-Hans"), await refused.ReadTextAsync());
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task Search_past_its_limit_gets_429_and_another_address_is_unaffected()
    {
        using var flooder = app.CreatePortalClient();
        for (var i = 0; i < RateLimitedPortalApp.SearchPerAddress; i++)
        {
            using var allowed = await flooder.GetAsync("/search?q=" + Uri.EscapeDataString("基金"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await flooder.GetAsync("/search?q=fund");
        using var neighbourClient = app.CreatePortalClient();
        using var neighbour = await neighbourClient.GetAsync("/search?q=fund");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);
        Assert.Contains(app.Text<UiText>("Status.429.Title"), await refused.ReadTextAsync());
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task Activation_requests_naming_one_account_are_limited_across_addresses()
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.AccountNumber"] = "889999000001",
            ["Input.IdLast4"] = "0000",
            ["Input.Contact"] = "nobody@tests.portal.demo",
        };
        for (var i = 0; i < RateLimitedPortalApp.ActivationPerAccount; i++)
        {
            using var client = app.CreatePortalClient();
            using var allowed = await client.SubmitFormAsync("/Account/Activate", "activate", fields);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var last = app.CreatePortalClient();
        using var refused = await last.SubmitFormAsync("/Account/Activate", "activate", fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(app.Text<UiText>("Status.429.Title"), await refused.ReadTextAsync());
    }

    [Theory]
    [InlineData("/Account/Activate", RateLimitedPortalApp.ActivationPerAddress)]
    [InlineData("/Account/Activate/Confirm", RateLimitedPortalApp.CodeEntryPerAddress)]
    [InlineData("/Account/LoginWith2fa", RateLimitedPortalApp.CodeEntryPerAddress)]
    [InlineData("/Account/ForgotPassword", RateLimitedPortalApp.ForgotPasswordPerAddress)]
    public async Task Posts_past_the_limit_from_one_address_get_429(string path, int limit)
    {
        using var flooder = app.CreatePortalClient();
        for (var i = 0; i < limit; i++)
        {
            // Not a valid form (no antiforgery token): it is refused, but it still counts.
            using var counted = await flooder.PostAsync(path, Form(("Input.AccountNumber", $"88777700{i:D4}"), ("Input.Email", NewEmail())));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, counted.StatusCode);
        }

        using var refused = await flooder.PostAsync(path, Form(("Input.AccountNumber", "887777009999"), ("Input.Email", NewEmail())));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);
    }

    [Fact]
    public async Task Forgot_password_requests_naming_one_account_are_limited_across_addresses()
    {
        var email = NewEmail();
        for (var i = 0; i < RateLimitedPortalApp.ForgotPasswordPerAccount; i++)
        {
            using var client = app.CreatePortalClient();
            using var allowed = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var last = app.CreatePortalClient();
        using var refused = await last.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task A_rejection_is_logged_with_its_policy_and_path_but_not_the_form_values()
    {
        var email = NewEmail();
        for (var i = 0; i <= RateLimitedPortalApp.SignInPerAccount; i++)
        {
            using var client = app.CreatePortalClient();
            using var _ = await client.SignInAsync(email, "secret-password-" + i);
        }

        var rejections = app.Log.Where(l => l.Contains("/Account/Login", StringComparison.Ordinal) && l.Contains("sign-in", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rejections);
        Assert.DoesNotContain(app.Log, l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains("secret-password", StringComparison.Ordinal));
    }

    private static string NewEmail() => $"nobody-{Guid.NewGuid():N}@tests.portal.demo";

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } delta && delta > TimeSpan.Zero && delta <= TimeSpan.FromMinutes(1), $"Retry-After was '{response.Headers.RetryAfter}'.");
    }
}
