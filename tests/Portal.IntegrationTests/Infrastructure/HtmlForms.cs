using System.Net;
using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// Submits statically rendered Blazor forms as a browser would: the form is found by its <c>FormName</c>
/// (the hidden <c>_handler</c> field), and its hidden fields (antiforgery token, handler, tickets) are sent along.
/// </summary>
public static partial class HtmlForms
{
    /// <summary>GETs <paramref name="url"/>, fills the form named <paramref name="formName"/> and posts it back.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        using var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new Xunit.Sdk.XunitException($"GET {url} answered {(int)page.StatusCode}, so the form '{formName}' cannot be filled.");
        }

        var values = HiddenFields(html, formName);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(url, content);
    }

    /// <summary>The hidden inputs of the form whose <c>_handler</c> is <paramref name="formName"/>.</summary>
    public static Dictionary<string, string> HiddenFields(string html, string formName) =>
        FindForm(html, (_, hidden) => hidden.TryGetValue("_handler", out var handler) && handler == formName)
        ?? throw new Xunit.Sdk.XunitException($"The page has no form named '{formName}'.");

    /// <summary>The hidden inputs of the form with this HTML <c>id</c> (plain forms such as sign-out).</summary>
    public static Dictionary<string, string> HiddenFieldsOfFormWithId(string html, string id) =>
        FindForm(html, (tag, _) => Attribute(tag, "id") == id)
        ?? throw new Xunit.Sdk.XunitException($"The page has no form with id '{id}'.");

    private static Dictionary<string, string>? FindForm(string html, Func<string, Dictionary<string, string>, bool> isTheOne)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in HiddenInputPattern().Matches(form.Value))
            {
                var name = Attribute(input.Value, "name");
                if (name is not null)
                {
                    hidden[name] = Attribute(input.Value, "value") ?? "";
                }
            }

            var openingTag = form.Value[..(form.Value.IndexOf('>', StringComparison.Ordinal) + 1)];
            if (isTheOne(openingTag, hidden))
            {
                return hidden;
            }
        }

        return null;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\s" + name + "=\"([^\"]*)\"", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*type=\"hidden\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInputPattern();
}
