using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Web.Features.Accounts;
using Portal.Web.Resources;

namespace Portal.Web.Features.Admin.Settings;

/// <summary>
/// What the settings page's editors share: load the setting (kept from the prerender), check a change with the
/// setting's own rules, save it as the signed-in admin, and say so when someone else saved first.
/// </summary>
public abstract class SettingEditor<T> : ComponentBase
{
    private Dictionary<string, List<string>> _errorsByField = [];

    [Inject]
    protected SettingsStore Store { get; set; } = default!;

    [Inject]
    protected CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<AdminText> L { get; set; } = default!;

    /// <summary>The value as stored when the page loaded it (or last saved it); kept from the prerender.</summary>
    [PersistentState]
    public SettingValue<T>? Saved { get; set; }

    protected bool Saving { get; private set; }

    protected bool Dirty { get; set; }

    protected StaleSettingException? Stale { get; private set; }

    protected string? Refusal { get; private set; }

    /// <summary>Every problem the last save attempt found, as the admin reads it.</summary>
    protected IReadOnlyList<string> Problems { get; private set; } = [];

    protected abstract ISetting<T> Setting { get; }

    /// <summary>The snackbar text after a save.</summary>
    protected abstract string SavedText { get; }

    /// <summary>Fills the form from a stored value.</summary>
    protected abstract void Edit(T value);

    /// <summary>The value the form holds now.</summary>
    protected abstract T Collect();

    /// <summary>A problem's text, beside its field; an editor whose setting keeps its texts elsewhere says where.</summary>
    protected virtual string Message(SettingError error) => L[error.Text, error.Arguments];

    /// <summary>A problem as the admin reads it in the list; editors may say where it is.</summary>
    protected virtual string Describe(SettingError error) => Message(error);

    protected override async Task OnInitializedAsync()
    {
        Saved ??= await Store.GetAsync(Setting);
        Edit(Saved.Value);
    }

    /// <summary>Applies an edit of the form and remembers that it has unsaved changes.</summary>
    protected void Change(Action change)
    {
        change();
        Dirty = true;
    }

    /// <summary>The problems of one field, for the field's own error text; null when it has none.</summary>
    protected string? ErrorOf(string field) =>
        _errorsByField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    protected async Task SaveAsync()
    {
        if (Saved is null || Saving)
        {
            return;
        }

        var value = Collect();
        Stale = null;
        Refusal = null;
        if (Show(Setting.Validate(value)))
        {
            return;
        }

        Saving = true;
        try
        {
            Saved = await Store.SaveAsync(await CurrentActor.GetAsync(), Setting, value, Saved.Version);
            Edit(Saved.Value);
            Dirty = false;
            Snackbar.Add(SavedText, Severity.Success);
        }
        catch (StaleSettingException stale)
        {
            Stale = stale;
        }
        catch (SettingValidationException invalid)
        {
            Show(invalid.Errors);
        }
        catch (ActorForbiddenException)
        {
            Refusal = L["Settings.Forbidden"];
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>Throws away the form's changes and loads what is stored now.</summary>
    protected async Task ReloadAsync()
    {
        Saved = await Store.GetAsync(Setting);
        Edit(Saved.Value);
        Dirty = false;
        Stale = null;
        Refusal = null;
        Show([]);
    }

    private bool Show(IReadOnlyList<SettingError> errors)
    {
        _errorsByField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(Message).ToList());
        Problems = errors.Select(Describe).ToList();
        return errors.Count > 0;
    }
}
