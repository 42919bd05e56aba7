using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Portal.Web.Hosting;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Absolute links for what the portal sends (e-mail, SMS, calendar files). Always from <c>Portal:PublicBaseUrl</c>, never
/// from the request: a forged Host header must not turn a password-reset link into a link to someone else's site.
/// </summary>
public sealed class PublicLinks(IOptions<PortalOptions> portal)
{
    /// <summary>The absolute link to <paramref name="path"/> (a path inside the portal), with the query values given.</summary>
    public Uri To(string path, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        var root = portal.Value.PublicBaseUrl ?? throw new InvalidOperationException("Portal:PublicBaseUrl is not set.");
        var url = root.TrimEnd('/') + "/" + path.TrimStart('/');
        return new Uri(query is null ? url : QueryHelpers.AddQueryString(url, query));
    }
}

/// <summary>Stops the start when <c>Portal:PublicBaseUrl</c> is missing or not an absolute http(s) address.</summary>
internal sealed class PublicBaseUrlValidation : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var value = options.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(value))
        {
            return ValidateOptionsResult.Fail(
                "Portal:PublicBaseUrl is not set. Set it to the address people open the portal at, e.g. https://portal.example.com " +
                "(environment variable Portal__PublicBaseUrl): the links in e-mails are built from it, never from the request.");
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                                                                    && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Portal:PublicBaseUrl '{value}' is not an absolute http or https address such as https://portal.example.com.");
    }
}
