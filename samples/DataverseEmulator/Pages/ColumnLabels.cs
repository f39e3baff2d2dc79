namespace DataverseEmulator.Pages;

/// <summary>Display names Dynamics shows for the columns on the pages.</summary>
internal static class ColumnLabels
{
    public static string For(string logicalName, string column) => (logicalName, column) switch
    {
        ("account", "telephone1") => "Main Phone",
        ("account", "telephone2") => "Other Phone",
        ("lead", "telephone1") => "Business Phone",
        ("lead", "telephone2") => "Home Phone",
        (_, "telephone1") => "Business Phone",
        (_, "telephone2") => "Home Phone",
        (_, "telephone3") => "Telephone 3",
        (_, "mobilephone") => "Mobile Phone",
        (_, "business2") => "Business Phone 2",
        (_, "home2") => "Home Phone 2",
        (_, "callback") => "Callback Number",
        (_, "assistantphone") => "Assistant Phone",
        (_, "managerphone") => "Manager Phone",
        (_, "pager") => "Pager",
        (_, "fax") => "Fax",
        (_, "fullname") => "Full Name",
        (_, "name") => "Account Name",
        (_, "firstname") => "First Name",
        (_, "lastname") => "Last Name",
        (_, "emailaddress1") => "Email",
        (_, "companyname") => "Company Name",
        (_, "statecode") => "Status",
        _ => column,
    };
}
