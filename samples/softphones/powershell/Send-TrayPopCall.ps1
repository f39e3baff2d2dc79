<#
.SYNOPSIS
  Hands one call event to the TrayPop running in this session (HTTP intake, 127.0.0.1:47470).

.DESCRIPTION
  A small reusable wrapper for softphone and PBX-client hooks that can run PowerShell.
  Where it goes: e.g. C:\TrayPop\Send-TrayPopCall.ps1, run from the hook as
    powershell.exe -NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File C:\TrayPop\Send-TrayPopCall.ps1 -Number %NUMBER% -Phase answer
  or dot-source it and call Send-TrayPopCall from your own script.
  Prints TrayPop's reply (status, action, url...). Exit codes match `traypop pop`:
  0 accepted, 2 TrayPop refused the event (the reason is printed), 3 no TrayPop running.

.EXAMPLE
  .\Send-TrayPopCall.ps1 -Number '+14255550101' -Type inbound -Phase answer -CallId 'c-1001'
#>
param(
    # The other party: digits, +E.164, a sip:/tel: URI or "Name" <sip:...>; 'anonymous' when withheld.
    [Parameter(Mandatory)] [string] $Number,
    [ValidateSet('inbound', 'outbound', 'internal', 'predictive')] [string] $Type = 'inbound',
    # ring, answer or end; leave out to act at once.
    [ValidateSet('', 'ring', 'answer', 'end')] [string] $Phase = '',
    # The softphone's id for the call: with it, repeated events for one call pop once.
    [string] $CallId = '',
    [string] $Extension = '',
    [string] $Name = '',
    # TrayPop:Listener:Port
    [int] $Port = 47470
)

function Send-TrayPopCall {
    param([hashtable] $Fields, [int] $Port)
    # A JSON body: no URL-escaping to get wrong (a bare "+" in a query string would become a space).
    $body = $Fields | ConvertTo-Json -Compress
    try {
        Invoke-RestMethod -Method Post -Uri "http://127.0.0.1:$Port/call" -ContentType 'application/json' -Body $body -TimeoutSec 10
    }
    catch {
        $response = $_.Exception.Response
        if ($null -eq $response) {
            Write-Error "No TrayPop is running in this session: nothing answered on 127.0.0.1:$Port."
            exit 3
        }
        # 400: the event was malformed; the body says why.
        Write-Error "TrayPop refused the call event ($([int]$response.StatusCode)): $($_.ErrorDetails.Message)"
        exit 2
    }
}

$fields = @{ number = $Number; type = $Type }
if ($Phase) { $fields.phase = $Phase }
if ($CallId) { $fields.callId = $CallId }
if ($Extension) { $fields.extension = $Extension }
if ($Name) { $fields.name = $Name }

Send-TrayPopCall -Fields $fields -Port $Port
