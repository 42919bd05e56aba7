using System.Net;

namespace Portal.IntegrationTests.Hosting;

/// <summary>What a browser receives with every kind of response: the headers that keep scripts, frames and sniffing out.</summary>
public sealed class SecurityHeadersTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]                             // an interactive page
    [InlineData("/Account/Login", HttpStatusCode.OK)]                // a statically rendered page
    [InlineData("/app.css", HttpStatusCode.OK)]                      // a static file
    [InlineData("/health/live", HttpStatusCode.OK)]                  // an endpoint
    [InlineData("/culture/en?returnUrl=/faq", HttpStatusCode.Redirect)] // a redirect
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]           // a 404 (the status page)
    public async Task Every_kind_of_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = app.CreatePortalClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["form-action"]);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("payment=()", permissions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/faq", HttpStatusCode.OK)]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/statements", HttpStatusCode.Redirect)]             // an investor's page asks an anonymous visitor to sign in
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task A_page_answers_HEAD_with_the_status_and_headers_of_GET(string path, HttpStatusCode status)
    {
        using var client = app.CreatePortalClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_itself_has_no_inline_script()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.GoldInvestor);

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script\\b[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains(" src=\"", s.Value, StringComparison.Ordinal));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header.");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.OrdinalIgnoreCase);
}
