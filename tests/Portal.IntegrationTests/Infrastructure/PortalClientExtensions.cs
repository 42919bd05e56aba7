using System.Net;

namespace Portal.IntegrationTests.Infrastructure;

public static class PortalClientExtensions
{
    /// <summary>Signs in through /Account/Login as a person would; returns the form post's response (a redirect on success).</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>The page as text with HTML entities decoded, for asserting on what a user reads.</summary>
    public static async Task<string> ReadTextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Where a redirect leads, as a local path and query; null when the response is not a redirect.</summary>
    public static string? RedirectTarget(this HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect)
            || response.Headers.Location is not { } location)
        {
            return null;
        }

        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
