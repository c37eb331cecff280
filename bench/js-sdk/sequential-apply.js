// The baseline chatform's apply is compared with: the account of a chatform manifest (as JSON:
// groups, agents, auto_access, webhooks), created with the official LiveChat JS SDK the way a
// hand-written script would, one awaited call after another. The SDK speaks API 3.4 over https
// only; CHATFORM_BENCH_API is host:port, LIVECHAT_ACCESS_TOKEN the Bearer token, and
// CHATFORM_BENCH_OWNER the owner's email, NODE_EXTRA_CA_CERTS the emulator's certificate. Exit 0 when every call succeeded.
"use strict";
const fs = require("fs");
const { Configuration } = require("@livechat/lc-sdk-js");

async function main() {
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const token = { accessToken: process.env.LIVECHAT_ACCESS_TOKEN, region: "dal" };
  const api = new Configuration.Web(process.env.CHATFORM_BENCH_CLIENT_ID, () => token, {
    apiUrl: process.env.CHATFORM_BENCH_API,
  });
  const secret = process.env.LC_WEBHOOK_SECRET;
  const groupIds = {};
  let calls = 0;
  // 3.4 wants a group to have a member with "normal" priority: the account's owner.
  const members = { [process.env.CHATFORM_BENCH_OWNER]: "normal" };
  for (const g of manifest.groups || []) {
    groupIds[g.name] = (await api.createGroup(g.name, members, g.language_code)).id;
    calls++;
  }
  for (const a of manifest.agents || []) {
    await api.createAgent(a.id, {
      name: a.name,
      role: a.role,
      job_title: a.job_title,
      max_chats_count: a.max_chats_count,
      groups: (a.groups || []).map((m) => ({ id: groupIds[m.group], priority: m.priority })),
    });
    calls++;
  }
  for (const r of manifest.auto_access || []) {
    await api.addAutoAccess({
      description: r.description,
      access: { groups: r.groups.map((name) => groupIds[name]) },
      conditions: r.conditions,
    });
    calls++;
  }
  // With a Bearer token (the SDK's only auth) 3.4 lets an app register webhooks for itself only:
  // the manifest's owners are replaced by the token's Client ID (the same number of calls).
  for (const w of manifest.webhooks || []) {
    const hook = { action: w.action, url: w.url, type: w.type, description: w.description };
    await api.registerWebhook(
      Object.assign(hook, { secret_key: secret }),
      process.env.CHATFORM_BENCH_CLIENT_ID
    );
    calls++;
  }
  process.stdout.write(calls + " calls\n");
}

main().catch((e) => {
  process.stderr.write("failed: " + JSON.stringify(e && (e.message || e)) + "\n");
  process.exit(1);
});
