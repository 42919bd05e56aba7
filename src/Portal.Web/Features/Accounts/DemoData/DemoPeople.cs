using System.Globalization;

namespace Portal.Web.Features.Accounts.DemoData;

/// <summary>A generated client: plausible, deterministic, and never a real person.</summary>
internal sealed record GeneratedInvestor(
    string AccountNumber, string Name, string IdNumber, string Mobile, string Email, DateOnly Birthday, ClientTier Tier);

/// <summary>Makes the same generated investors from the same seed, every time.</summary>
internal static class DemoPeople
{
    private static readonly (string Hanzi, string Pinyin)[] Surnames =
    [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"),
        ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"),
        ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"), ("高", "gao"), ("罗", "luo"), ("郑", "zheng"),
        ("梁", "liang"), ("谢", "xie"), ("宋", "song"), ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"),
    ];

    private static readonly (string Hanzi, string Pinyin)[] GivenParts =
    [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
        ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"),
        ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"),
        ("桂", "gui"), ("英", "ying"), ("华", "hua"), ("建", "jian"), ("文", "wen"), ("辉", "hui"), ("玲", "ling"),
        ("晨", "chen"), ("欣", "xin"), ("宇", "yu"), ("浩", "hao"), ("婷", "ting"), ("思", "si"), ("雨", "yu"),
    ];

    // Region codes of a few large cities (first six digits of the resident ID).
    private static readonly string[] Regions = ["110105", "310115", "440305", "330106", "320102", "510107", "420106", "610113"];

    private static readonly string[] MobilePrefixes = ["135", "136", "138", "139", "150", "158", "186", "187", "189", "177"];

    private static readonly string[] MailDomains = ["example.cn", "example.com.cn", "mail.example.cn"];

    public const int Seed = 20_260_101;

    public static IReadOnlyList<GeneratedInvestor> Generate(int count)
    {
        var random = new Random(Seed);
        var people = new List<GeneratedInvestor>(count);
        for (var n = 1; n <= count; n++)
        {
            var surname = Surnames[random.Next(Surnames.Length)];
            var first = GivenParts[random.Next(GivenParts.Length)];
            var second = random.Next(3) == 0 ? default : GivenParts[random.Next(GivenParts.Length)];
            var name = surname.Hanzi + first.Hanzi + (second.Hanzi ?? "");
            var pinyin = surname.Pinyin + "." + first.Pinyin + (second.Pinyin ?? "");
            var birthday = new DateOnly(1955, 1, 1).AddDays(random.Next(365 * 48));
            var idNumber = IdNumber(Regions[random.Next(Regions.Length)], birthday, random.Next(1, 1000));
            var mobile = MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            var email = $"{pinyin}{n:D3}@{MailDomains[random.Next(MailDomains.Length)]}";
            var tier = (n % 20) switch
            {
                0 => ClientTier.Diamond,
                5 or 10 or 15 => ClientTier.Gold,
                _ => ClientTier.Silver,
            };
            people.Add(new($"8801{n:D8}", name, idNumber, mobile, email, birthday, tier));
        }

        return people;
    }

    /// <summary>An 18-character resident ID number with a valid ISO 7064 MOD 11-2 check character.</summary>
    public static string IdNumber(string region, DateOnly birthday, int sequence)
    {
        var body = region + birthday.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }

        return body + "10X98765432"[sum % 11];
    }
}
