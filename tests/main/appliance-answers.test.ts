/**
 * Reading the appliance's answers tolerantly (issue 13): the documented elements found by local name
 * under any root and namespace (prefixed or default), both shapes a permission list may have, the
 * version out of "version and build", the sync time from its unix timestamp; a document type, XML
 * that does not parse and a missing <success> are LINK_ANSWER_UNEXPECTED; Jump Client pages checked.
 */
import { describe, expect, it } from 'vitest';
import { readApiInfo, readHealth, readJumpClientPage } from '../../src/main/appliance-link/answers.ts';

describe('check_health', () => {
  it('by local name under a prefixed root, with failover elements', () => {
    const h = readHealth(`<?xml version="1.0"?>
      <ns:whatever xmlns:ns="urn:x"><ns:appliance id="8c1e-42">support-a.example.com</ns:appliance>
      <ns:version>24.1.2 (build 41877)</ns:version><ns:success>1</ns:success><ns:failover_role>primary</ns:failover_role>
      <ns:enabled_shared_ips><ns:ip>10.0.0.10</ns:ip><ns:ip>10.0.0.11</ns:ip></ns:enabled_shared_ips>
      <ns:last_data_sync_time ts="1773597600">2026-03-15T18:00:00+00:00</ns:last_data_sync_time>
      <ns:last_data_sync_status>Success</ns:last_data_sync_status></ns:whatever>`);
    expect(h).toEqual({
      applianceId: '8c1e-42', hostname: 'support-a.example.com', version: '24.1.2', versionText: '24.1.2 (build 41877)', success: true,
      errorMessage: null, failoverRole: 'primary', sharedIps: ['10.0.0.10', '10.0.0.11'],
      lastDataSync: { at: '2026-03-15T18:00:00.000Z', status: 'Success' },
    });
  });

  it('standalone with an error message; the ISO text when there is no ts', () => {
    const h = readHealth('<check_health xmlns="urn:y"><version>23.3.1</version><success>0</success><error_message>Disk almost full</error_message><failover_role>none</failover_role></check_health>');
    expect(h).toMatchObject({ version: '23.3.1', success: false, errorMessage: 'Disk almost full', failoverRole: 'none', sharedIps: [], lastDataSync: null, applianceId: null });
    const iso = readHealth('<r><version>1.2.3</version><success>1</success><failover_role>backup</failover_role><last_data_sync_time>2026-03-15T19:00:00+01:00</last_data_sync_time></r>');
    expect(iso.lastDataSync).toEqual({ at: '2026-03-15T18:00:00.000Z', status: '' });
  });

  it('refuses a document type, XML that does not parse, no <success>, an unknown role', () => {
    for (const bad of [
      '<!DOCTYPE r [<!ENTITY a "aaaa">]><r><version>&a;</version><success>1</success></r>',
      '<r><success>1</version>',
      '<r><version>1.2.3</version></r>',
      '<r><version>1.2.3</version><success>yes</success></r>',
      '<r><version>1.2.3</version><success>1</success><failover_role>master</failover_role></r>',
      '<r><success>1</success></r>',
      // The parser's own refusals: nesting too deep, a reserved element name.
      `<r>${'<a>'.repeat(150)}${'</a>'.repeat(150)}<version>1.2.3</version><success>1</success></r>`,
      '<r><__proto__><polluted>1</polluted></__proto__><version>1.2.3</version><success>1</success></r>',
      '',
    ]) expect(() => readHealth(bad), bad).toThrow(expect.objectContaining({ code: 'LINK_ANSWER_UNEXPECTED' }));
  });
});

describe('get_api_info', () => {
  it('permissions as <permission name value/>, as text, and as <perm_x> elements', () => {
    expect(readApiInfo('<get_api_info><api_version>1.24.1</api_version><timestamp>1773597600</timestamp><permissions><permission name="perm_backup" value="1"/><permission name="perm_command">read_only</permission></permissions></get_api_info>'))
      .toEqual({ apiVersion: '1.24.1', timestamp: '2026-03-15T18:00:00.000Z', permissions: { perm_backup: '1', perm_command: 'read_only' } });
    expect(readApiInfo('<a:get_api_info xmlns:a="urn:z"><a:permissions><a:perm_configuration>0</a:perm_configuration><a:perm_command>FULL</a:perm_command></a:permissions></a:get_api_info>').permissions)
      .toEqual({ perm_configuration: '0', perm_command: 'full' });
    expect(readApiInfo('<get_api_info><api_version>1</api_version></get_api_info>').permissions).toEqual({});
  });
});

describe('Jump Client pages', () => {
  it('the documented fields, a unix or missing time; anything else is LINK_ANSWER_UNEXPECTED', () => {
    expect(readJumpClientPage(JSON.stringify([
      { id: 7, name: 'WS-1', needs_update: true, last_connect_timestamp: '2026-03-15T18:00:00Z', jump_group_id: 1, fqdn: 'ws-1', operating_system: 'Windows' },
      { id: '8', name: 'WS-2', needs_update: 0, last_connect_timestamp: 1773597600 },
      { id: 9, name: 'WS-3', needs_update: false, last_connect_timestamp: null },
    ]))).toEqual([
      { id: '7', name: 'WS-1', needsUpdate: true, lastConnect: '2026-03-15T18:00:00.000Z', lastConnectAt: new Date('2026-03-15T18:00:00Z') },
      { id: '8', name: 'WS-2', needsUpdate: false, lastConnect: '2026-03-15T18:00:00.000Z', lastConnectAt: new Date('2026-03-15T18:00:00Z') },
      { id: '9', name: 'WS-3', needsUpdate: false, lastConnect: null, lastConnectAt: null },
    ]);
    for (const bad of ['{"id":1}', '[{"id":1,"name":"x"}]', '[{"id":1,"name":"x","needs_update":"yes"}]', 'not json', '[{"id":{},"name":"x","needs_update":true}]']) {
      expect(() => readJumpClientPage(bad), bad).toThrow(expect.objectContaining({ code: 'LINK_ANSWER_UNEXPECTED' }));
    }
  });
});
