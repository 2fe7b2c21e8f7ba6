/**
 * Every real postmortem under ../shared/data (see its README for sources and licences) imported
 * as a user would: the number of timeline entries, entries whose time is unknown, a few instants
 * checked by reading the document (line, instant, the first words of the text — the documents'
 * sentences are not copied here), and the action items.
 *
 * Known gaps, kept visible rather than hidden: the DFDS "20202-01-16" year typos stay unknown
 * rather than guessed; 2i2c's 2020-10-28 report is read on the day its title states (2020-08-28)
 * although the file name says October; Kubernetes' 2019-03-26 lists "[03-26 02:50]" after
 * "[03-26 23:04]" and is taken as written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../shared/imports/postmortem.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED_DATA_DIR = path.resolve(here, '../../..', '../shared/data');

interface Expected {
  file: string;
  title: string;
  entries: number;
  unknown: number;
  checks: Array<[number, string | null, string]>;
  actions: number;
  done: number;
  firstAction?: string;
}

const documents: Expected[] = [
  { file: "2i2c-incident-reports/2020-10-28-memory-overload.md", title: "2020-08-28 - Memory", entries: 6, unknown: 0, checks: [[18, "2020-08-28T20:52:00+05:30", "Incoming report that many"], [41, "2020-08-28T21:23:00+05:30", "Based on tests on"], [49, "2020-08-28T21:46:00+05:30", "The issue is closed"]], actions: 5, done: 0, firstAction: "Make sure user pods" },
  { file: "2i2c-incident-reports/2023-01-23-Upgrading-ingress-nginx-caused-brief-outage-in-carbonplan.md", title: "2023-01-23 Upgrading ingress-nginx", entries: 0, unknown: 0, checks: [], actions: 0, done: 0 },
  { file: "2i2c-incident-reports/2023-02-01-daskhub-induced-evictions.md", title: "2023-02-01 Heavy use", entries: 1, unknown: 1, checks: [[7, null, "Summary of issue updated"]], actions: 5, done: 0, firstAction: "#2127" },
  { file: "2i2c-incident-reports/2025-05-12-earthscope-resource-provisioning-issue.md", title: "Incident report May", entries: 25, unknown: 0, checks: [[20, "2025-05-12T20:15:00+03:00", "Ticket https://2i2c.freshdesk.com/a/tickets/3310 is opened"], [75, "2025-05-13T15:51:00+03:00", "First engineer makes the"], [130, "2025-05-16T11:00:00+03:00", "Engineers agree to not"]], actions: 2, done: 0, firstAction: "write an incident report" },
  { file: "2i2c-incident-reports/2025-07-11-cloudbank-healthcheck.md", title: "Incident report July", entries: 15, unknown: 0, checks: [[24, "2025-07-11T12:42:00+01:00", "Incident declared"], [53, "2025-07-11T13:38:00+01:00", "It does."], [78, "2025-07-14T11:20:00+01:00", "Engineer finishes resolving the"]], actions: 2, done: 0, firstAction: "Write an incident report" },
  { file: "2i2c-incident-reports/2025-07-21-openscapes-hub-pods-dying.md", title: "Incident report July", entries: 13, unknown: 0, checks: [[23, "2025-07-22T01:03:00-04:00", "First alert fires"], [43, "2025-07-22T07:42:00-04:00", "Angus assesses the DB,"], [70, "2025-07-23T04:10:00-04:00", "Jenny confirms peak of"]], actions: 1, done: 0, firstAction: "write an incident report" },
  { file: "2i2c-incident-reports/2025-08-12-leap-outage.md", title: "Incident report August", entries: 17, unknown: 0, checks: [[25, "2025-08-12T17:00:00+01:00", "Incident declared"], [58, "2025-08-12T17:51:00+01:00", "Primary engineer re-deploys prod"], [84, "2025-08-12T21:16:00+01:00", "Primary engineer observes heavy"]], actions: 5, done: 2, firstAction: "Write an incident report" },
  { file: "dfds-postmortems/PM2019-009 - Kubernetes network infrastructure IP starvation.md", title: "Kubernetes network infrastructure", entries: 14, unknown: 1, checks: [[29, "2019-11-29T12:00:00+01:00", "Proactively scaling up Hellman"], [36, "2019-12-04T09:30:00+01:00", "Asking teams to temporarily"], [42, "2019-12-05T12:00:00+01:00", "Pull request to review"]], actions: 4, done: 0, firstAction: "Make sure all deployed" },
  { file: "dfds-postmortems/PM2019-010 - Hellman Kubernetes cluster node deletion.md", title: "Hellman Kubernetes cluster", entries: 6, unknown: 0, checks: [[13, "2019-12-04T00:30:00+01:00", "Accidental execution of command"], [16, "2019-12-04T01:05:00+01:00", "Some critical daemonsets (i.e."], [18, "2019-12-04T01:30:00+01:00", "Verified all systems operational"]], actions: 2, done: 0, firstAction: "Implement least-privilege in Hellman" },
  { file: "dfds-postmortems/PM2019-011 - Hellman Kubernetes IaC accidentally reverted.md", title: "Hellman Kubernetes IaC", entries: 11, unknown: 0, checks: [[20, "2019-12-05T04:00:00+01:00", "Team in US manually"], [25, "2019-12-05T12:10:00+01:00", "Corrective action delayed due"], [30, "2019-12-05T12:40:00+01:00", "All systems verified operational"]], actions: 5, done: 0, firstAction: "Implement priority-classes for critical" },
  { file: "dfds-postmortems/PM2020-001 - Inotify file watches exhaustion.md", title: "Inotify file watches", entries: 2, unknown: 0, checks: [[17, "2020-01-20T13:50:00+01:00", "Node starts reporting \"no"], [18, "2020-01-22T10:39:00+01:00", "Pod killed, releasing file"]], actions: 1, done: 0, firstAction: "Setup monitoring and alerting" },
  { file: "dfds-postmortems/PM2020-002 - KIAM service disruption on Hellman.md", title: "KIAM Service disruption", entries: 4, unknown: 0, checks: [[15, "2020-01-21T15:36:00+01:00", "Certificate for KIAM server"], [17, "2020-01-21T16:30:00+01:00", "First alert regarding KIAM"], [18, "2020-01-21T18:04:00+01:00", "New certificates generated, service"]], actions: 3, done: 0, firstAction: "Document the process of" },
  { file: "dfds-postmortems/PM2020-003 - Postmortem for ADSync migration.md", title: "ADSync migration issues", entries: 5, unknown: 5, checks: [[14, null, "Cake was not copying"], [16, null, "Issues with .NET Core"], [18, null, "Identified issue with changes"]], actions: 4, done: 0, firstAction: "We should have a" },
  { file: "dfds-postmortems/PM2020-004 - CoreDNS upgrade issue.md", title: "CoreDNS upgrade issue", entries: 3, unknown: 0, checks: [[19, "2020-02-03T11:21:00+01:00", "EKS 1.14 upgrade cause"], [20, "2020-02-03T11:52:00+01:00", "CoreDNS deployment manually downgraded,"], [21, "2020-02-03T13:30:00+01:00", "CoreDNS upgraded and issue"]], actions: 2, done: 0, firstAction: "Action plan for checking" },
  { file: "dfds-postmortems/PM2020-005 - ALB instance attachment.md", title: "ALB instance attachments", entries: 6, unknown: 0, checks: [[15, "2020-06-09T11:00:00+02:00", "Maintenance for changing Hellman"], [18, "2020-06-09T12:28:00+02:00", "Issue with no ingress"], [20, "2020-06-09T13:13:00+02:00", "Issue resolved and permanently"]], actions: 3, done: 0, firstAction: "Implement alerts for ALB" },
  { file: "dfds-postmortems/PM2020-006 - ADSync service accounts.md", title: "ADSync service accounts", entries: 5, unknown: 0, checks: [[17, "2020-02-24T10:50:00+01:00", "Identified problem with ADSync"], [19, "2020-03-03T10:00:00+01:00", "Decided to not patch"], [21, "2020-03-17T20:29:00+01:00", "Disable deletion of AD"]], actions: 2, done: 0, firstAction: "DevEX will update all" },
  { file: "dfds-postmortems/PM2020-007 - Unhealthy nodes.md", title: "Unhealthy node", entries: 5, unknown: 0, checks: [[15, "2020-10-06T07:00:00+02:00", "Regular maintenance Kubernetes node"], [17, "2020-10-06T09:00:00+02:00", "Ongoing investigation and troubleshooting"], [19, "2020-10-06T12:00:00+02:00", "All healthy and issue"]], actions: 2, done: 0, firstAction: "Create a query/dashboard/alarm detecting" },
  { file: "dfds-postmortems/PM2020-008 - Alcide admission causing Kubernetes timeouts.md", title: "Alcide admission causing", entries: 6, unknown: 0, checks: [[12, "2020-11-04T13:00:00+01:00", "Alcide workshop started"], [15, "2020-11-04T15:04:00+01:00", "Verification of the timeout"], [17, "2020-11-04T15:39:00+01:00", "Permanently deleted disruptive Alcide"]], actions: 2, done: 0, firstAction: "Monitor Kubernetes deployments for" },
  { file: "dfds-postmortems/PM2020-009 - KIAM service disruption due to upgrade.md", title: "KIAM service disruption", entries: 3, unknown: 0, checks: [[21, "2020-11-17T10:45:00+01:00", "KIAM upgraded, breaking support"], [22, "2020-11-23T14:11:00+01:00", "\"Fix\" applied, KIAM service"], [23, "2020-11-23T14:41:00+01:00", "Helm chart rollback, KIAM"]], actions: 1, done: 0, firstAction: "Setup dashboard and alerting" },
  { file: "dfds-postmortems/PM2021-001 - Logs from Kubernetes not shipped to CWL.md", title: "Logs from Kubernetes", entries: 4, unknown: 0, checks: [[15, "2021-01-05T11:25:00+01:00", "A new CSI driver"], [17, "2021-01-06T11:20:00+01:00", "Manual fix applied"], [18, "2021-01-06T15:26:00+01:00", "Long-term fix applied via"]], actions: 3, done: 0, firstAction: "Setup alerts for when" },
  { file: "dfds-postmortems/PM2021-002 - Flux version bump causing component downtime.md", title: "Flux unintended version", entries: 4, unknown: 0, checks: [[13, "2021-02-15T06:05:00+01:00", "Scheduled cluster deployment pipeline"], [15, "2021-02-15T06:55:00+01:00", "Pipeline attempted rerun."], [16, "2021-02-15T07:00:00+01:00", "Everything is back to"]], actions: 4, done: 0, firstAction: "Setup more Fluentd alerts" },
  { file: "dfds-postmortems/PM2021-003 - Flux version bump causing component downtime.md", title: "Flux unintended version", entries: 7, unknown: 0, checks: [[13, "2021-02-19T08:35:00+01:00", "Scheduled cluster deployment pipeline"], [16, "2021-02-19T09:08:00+01:00", "Second attempt at rerunning"], [19, "2021-02-19T09:23:00+01:00", "Everything is back to"]], actions: 3, done: 1, firstAction: "Flux metrics and alerts" },
  { file: "dfds-postmortems/PM2021-004 - ADFS outage.md", title: "ADFS Outage", entries: 8, unknown: 0, checks: [[13, "2021-03-31T12:06:00Z", "Token-decrypting and token-signing certificates"], [17, "2021-03-31T12:49:00Z", "Member of datacenters team"], [20, "2021-03-31T13:30:00Z", "Script completed to update"]], actions: 3, done: 0, firstAction: "Implement monitoring of ADFS" },
  { file: "dfds-postmortems/PM2021-005 - All services returning 503 in Kubernetes.md", title: "All services returning", entries: 7, unknown: 0, checks: [[15, "2021-06-22T08:21:00Z", "VPC CNI replaced by"], [18, "2021-06-22T08:32:00Z", "Issue reported by customer"], [21, "2021-06-22T08:46:00Z", "Target groups reattached to"]], actions: 3, done: 0, firstAction: "Revert to default of" },
  { file: "dfds-postmortems/PM2021-006 - All services returning 503 in Kubernetes.md", title: "All services returning", entries: 5, unknown: 0, checks: [[15, "2021-06-30T08:32:00Z", "Kubernetes upgrade commenced."], [17, "2021-06-30T10:00:00Z", "Status 503 messages witnessed."], [19, "2021-06-30T10:26:00Z", "Infrastructure Modules release 0.2.220"]], actions: 3, done: 0, firstAction: "Agree on a sustainable" },
  { file: "dfds-postmortems/PM2021-007 - All services returning 503 in Kubernetes.md", title: "All services returning", entries: 5, unknown: 0, checks: [[19, "2021-07-02T07:32:00Z", "Daily pipeline run starts"], [21, "2021-07-02T07:39:00Z", "A user reported seing"], [23, "2021-07-02T07:42:00Z", "Target group reattached to"]], actions: 2, done: 0, firstAction: "Enhance daily pipeline run" },
  { file: "dfds-postmortems/PM2021-008 - Kubernetes ingress controller Traefik v2 configuration caused outage.md", title: "Kubernetes ingress controller", entries: 8, unknown: 0, checks: [[13, "2021-08-26T08:22:00Z", "AWS Load Balancers were"], [17, "2021-08-26T09:32:00Z", "We are informed that"], [20, "2021-08-26T10:00:00Z", "Deep dive investigation started"]], actions: 2, done: 0, firstAction: "Reflect on how our" },
  { file: "dfds-postmortems/PM2021-009 - All services returning 404 in Kubernetes.md", title: "All services returning", entries: 13, unknown: 0, checks: [[12, "2021-09-01T11:34:00Z", "Malformed IngressRoute applied to"], [18, "2021-09-06T08:20:00Z", "All Kubernetes services still"], [24, "2021-09-06T09:20:00Z", "Changes applied upstream"]], actions: 6, done: 0, firstAction: "Upgrade Traefik to v2.5" },
  { file: "dfds-postmortems/PM2021-010 - A limited amount of services deployed in Kubernetes returning 504.md", title: "A limited amount", entries: 10, unknown: 0, checks: [[15, "2021-09-17T08:00:00Z", "Culprit Ingress object applied"], [20, "2021-09-17T14:30:00Z", "Additional report by user"], [24, "2021-09-17T15:19:00Z", "Owner of the Ingress"]], actions: 3, done: 1, firstAction: "Look into if this" },
  { file: "dfds-postmortems/PM2021-011 - Log4Shell.md", title: "Log4Shell investigations", entries: 26, unknown: 3, checks: [[15, null, "The Log4Shell vulnerability was"], [28, "2021-12-14T11:30:00Z", "(T&I level) Initial meeting"], [40, "2022-01-04T11:03:00Z", "Follow-up on missing feedback"]], actions: 6, done: 0, firstAction: "Teach the teams how" },
  { file: "dfds-postmortems/PM2022-001 - Prometheus is down with connection refused errors.md", title: "Prometheus is down", entries: 18, unknown: 0, checks: [[14, "2022-01-25T10:21:00Z", "Detection: We received a"], [23, "2022-01-25T13:30:00Z", "We opened up SSH"], [31, "2022-01-26T09:36:00Z", "CPU and memory resource"]], actions: 1, done: 0, firstAction: "Review if our pods" },
  { file: "dfds-postmortems/PM2022-002 -  Logs not shipped to CloudWatch.md", title: "Logs not shipped", entries: 7, unknown: 0, checks: [[13, "2022-01-31T12:00:00Z", "New fluentd configuration deployed"], [16, "2022-01-31T13:04:00Z", "It was discovered the"], [19, "2022-01-31T13:49:00Z", "All fluentd DaemonSets were"]], actions: 1, done: 0, firstAction: "The alert needs a" },
  { file: "dfds-postmortems/PM2022-003 - Two Kuberneste nodes were down.md", title: "Two Kuberneste nodes", entries: 12, unknown: 0, checks: [[14, "2022-02-08T12:05:00Z", "Detection: Prometheus fails to"], [20, "2022-02-08T12:17:00Z", "One node didn't even"], [25, "2022-02-08T12:48:00Z", "Recovery: We were able"]], actions: 2, done: 0, firstAction: "Assess if the current" },
  { file: "dfds-postmortems/PM2022-004 - Kafka metrics missing from Prometheus.md", title: "Kafka metrics missing", entries: 10, unknown: 1, checks: [[13, "2022-02-08T12:20:00Z", "kafka-exporter's /metrics load time"], [18, "2022-02-09T08:45:00Z", "Permanent fix added as"], [22, null, "TBA: Problem will remain"]], actions: 2, done: 0, firstAction: "Check why did not" },
  { file: "dfds-postmortems/PM2022-005 - Node-IPC incident response.md", title: "Node IPC Incident", entries: 12, unknown: 0, checks: [[18, "2022-03-07T00:00:00Z", "Vulnerability committed into node"], [24, "2022-03-18T09:15:00Z", "John evaluated two repositories"], [29, "2022-03-18T11:20:00Z", "Ross made commit to"]], actions: 2, done: 0, firstAction: "We need to have" },
  { file: "dfds-postmortems/PM2022-006 - ALB 502 errors.md", title: "ALB 502 Errors", entries: 10, unknown: 9, checks: [[13, null, "Created bulk-apply-limitrange.sh to set"], [18, null, "CE discovered that the"], [22, null, "By looking at the"]], actions: 4, done: 0, firstAction: "Better monitoring of namespaces." },
  { file: "dfds-postmortems/PM2022-007 - Kafka metrics stopped being exported to Prometheus.md", title: "Kafka metrics stopped", entries: 13, unknown: 0, checks: [[12, "2022-07-07T08:58:00Z", "A personal user account"], [18, "2022-07-07T10:01:00Z", "Restarted the kafka-exporter pod"], [24, "2022-07-07T13:40:00Z", "Metrics availability confirmed by"]], actions: 1, done: 0, firstAction: "Service account with ACLs" },
  { file: "dfds-postmortems/PM2022-008 - CRUD operations on K8s Service resources unavailable.md", title: "CRUD operations on", entries: 7, unknown: 0, checks: [[13, "2022-08-03T11:38:00Z", "Alerted by end-user team"], [16, "2022-08-03T12:18:00Z", "Issue recreated in K8s"], [19, "2022-08-03T13:25:00Z", "User reporting back that"]], actions: 4, done: 0, firstAction: "Implement monitoring on Kyverno" },
  { file: "dfds-postmortems/PM2022-009 - Bad AWS EKS AMI causing Kubernetes issues", title: "Bad AWS EKS", entries: 20, unknown: 0, checks: [[17, "2022-10-29T01:02:00Z", "AMI v20221027 released"], [27, "2022-10-31T17:35:00Z", "All aws-node pods upgraded"], [36, "2022-11-02T14:40:00Z", "After observation we decided"]], actions: 7, done: 0, firstAction: "Improve coverage of readiness/liveness" },
  { file: "dfds-postmortems/PM2023-001 - Total node failure.md", title: "Total node failure", entries: 16, unknown: 0, checks: [[13, "2023-02-13T07:30:00Z", "Scheduled node rollover initiated"], [21, "2023-02-14T10:51:00Z", "Attempt fails due to"], [28, "2023-02-14T11:59:00Z", "Sev 1 ticket marked"]], actions: 6, done: 1, firstAction: "Document rollover process. Especially" },
  { file: "dfds-postmortems/PM2023-002 - Logs not shipped to CloudWatch.md", title: "Logs not being", entries: 13, unknown: 0, checks: [[14, "2023-04-11T11:20:00Z", "Fluentd was upgraded to"], [20, "2023-04-11T20:28:00Z", "Alert for Fluentd is"], [26, "2023-04-11T22:25:00Z", "The aforemetioned 5 nodes"]], actions: 5, done: 0, firstAction: "Look into liveness probe" },
  { file: "dfds-postmortems/PM2024-001 - Two Kubernetes nodes went into NotReady state.md", title: "Two Kubernetes nodes", entries: 28, unknown: 3, checks: [[16, null, "Short event description."], [30, "2024-03-13T13:02:00Z", "Removed LimitRange from the"], [43, "2024-03-14T09:20:00Z", "Incident closed."]], actions: 7, done: 0, firstAction: "Move 'grafana-agent' to monitoring" },
  { file: "dfds-postmortems/PM2024-002 - PODs not able to start while being moved to new nodes during AMI update.md", title: "PODs not able", entries: 7, unknown: 0, checks: [[14, "2024-04-09T08:40:00Z", "Noticed that strangely all"], [17, "2024-04-09T09:05:00Z", "It is confirmed by"], [20, "2024-04-09T09:20:00Z", "We've concluded that everything"]], actions: 2, done: 0, firstAction: "We tweaked/adjusted the internal" },
  { file: "dfds-postmortems/PM2024-003 - Kube state metrics exposing wrong labels.md", title: "Kube state metrics", entries: 7, unknown: 0, checks: [[15, "2024-06-06T11:27:00Z", "User reported wrong labels"], [18, "2024-06-06T14:20:00Z", "Unstable changes attempted to"], [21, "2024-06-07T09:41:00Z", "We've been notified that"]], actions: 2, done: 0, firstAction: "Avoid drift by ensuring" },
  { file: "dfds-postmortems/PM2025-001 - Node system resource starvation and scheduling capacity.md", title: "Node system resource", entries: 19, unknown: 0, checks: [[13, "2025-02-27T19:32:00Z", "First occurence of a"], [22, "2025-03-03T16:50:00Z", "Pipeline finished - Potential"], [31, "2025-03-03T20:24:00Z", "Responded to customer saying"]], actions: 6, done: 0, firstAction: "Look into Grafana Cloud's" },
  { file: "dfds-postmortems/PM2025-002 - Traefik rule preventing some inbound traffic.md", title: "Traefik Rule Preventing", entries: 12, unknown: 0, checks: [[13, "2025-03-17T16:06:00Z", "Kubernetes node entered NotReady"], [19, "2025-03-17T23:42:00Z", "Cloud Engineering member informed"], [24, "2025-03-18T00:42:00Z", "Customer confirmed issue resolved"]], actions: 6, done: 0, firstAction: "Continue to attempt a" },
  { file: "dfds-postmortems/PMyyyy-nnn - Postmortem template.md", title: "Incident Title", entries: 1, unknown: 1, checks: [[11, null, "Short event description"]], actions: 0, done: 0 },
  { file: "kubernetes-test-infra-postmortems/2019-01-23.md", title: "January 23rd, 2019", entries: 11, unknown: 0, checks: [[110, "2019-01-22T14:54:00-08:00", "config behavior change PR"], [122, "2019-01-23T08:02:00-08:00", "@stevekuznetsov reports that GitHub"], [134, "2019-01-23T08:36:00-08:00", "kubernetes-dev mailing list is"]], actions: 2, done: 0, firstAction: "We should consider using" },
  { file: "kubernetes-test-infra-postmortems/2019-02-05.md", title: "February 5th, 2019", entries: 12, unknown: 0, checks: [[89, "2019-02-05T08:47:00-08:00", "Prow's auto-generated bump PR"], [97, "2019-02-05T09:29:00-08:00", "@Katharine manually rolls back"], [102, "2019-02-05T14:31:00-08:00", "@Katharine determines why an"]], actions: 1, done: 0, firstAction: "Before retrying, ensure the" },
  { file: "kubernetes-test-infra-postmortems/2019-02-08.md", title: "February 8th, 2019", entries: 13, unknown: 0, checks: [[76, "2019-02-08T13:20:00-08:00", "Prow's auto-generated bump PR"], [85, "2019-02-08T16:44:00-08:00", "@krzyzacy figured out we"], [92, "2019-02-08T18:09:00-08:00", "@krzyzacy notified k-dev mailing"]], actions: 1, done: 0, firstAction: "We need to be" },
  { file: "kubernetes-test-infra-postmortems/2019-03-26.md", title: "March 26th, 2019", entries: 10, unknown: 0, checks: [[74, "2018-12-05T16:21:00-08:00", "Crashloop bug preventing Boskos"], [79, "2019-03-26T05:16:00-07:00", "The outage is reported"], [83, "2019-03-26T08:10:00-07:00", "@Katharine successfully deploys a"]], actions: 3, done: 0, firstAction: "Update Boskos' configuration so" },
  { file: "kubernetes-test-infra-postmortems/2019-05-30.md", title: "May 30th, 2019", entries: 11, unknown: 1, checks: [[81, null, "IOPS reached a critical"], [86, "2019-05-30T15:02:00-07:00", "The current oncaller is"], [91, "2019-05-31T07:00:00-07:00", "Prow is once again"]], actions: 2, done: 0, firstAction: "Create and/or fix monitoring" },
  { file: "learningequality-postmortems/001-buildkite-failing-build.md", title: "Buildkite kolibri builds", entries: 8, unknown: 8, checks: [[5, null, "When running pex file"], [21, null, "Mr. A recommendated updating"], [24, null, "Not able to fix"]], actions: 0, done: 0 },
  { file: "learningequality-postmortems/002-cloudflare-incomplete-migration.md", title: "Cloudflare incomplete migration", entries: 0, unknown: 0, checks: [], actions: 6, done: 1, firstAction: "Avoid using toplevel wildcards" },
  { file: "learningequality-postmortems/003-instantschools-migrations-not-included.md", title: "Instantschools migrations not", entries: 0, unknown: 0, checks: [], actions: 2, done: 2, firstAction: "Push this document to" },
  { file: "learningequality-postmortems/004-sushibar-certificate-expired.md", title: "Sushibar expired certificate", entries: 4, unknown: 0, checks: [[58, "2018-08-22T15:26:00Z", "first noticed that sushibar.learningequality.org"], [64, "2018-08-22T16:24:00Z", "First pass proxying through"], [67, "2018-08-23T10:08:00Z", "Cloudflare was turned on"]], actions: 3, done: 0, firstAction: "Set up alerting to" },
  { file: "learningequality-postmortems/TEMPLATE.md", title: "TEMPLATE", entries: 0, unknown: 0, checks: [], actions: 3, done: 0, firstAction: "Push this document to" },
  { file: "pypi-incident-reports/2023-12-04-account-takeover.md", title: "Incident Report: User", entries: 10, unknown: 0, checks: [[46, "2023-11-22T08:42:33Z", "new user account dvolk"], [60, "2023-11-22T14:33:00Z", "admin@pypi.org receives an email"], [81, "2023-11-22T15:53:00Z", "PyPI Admins close the"]], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2024-04-03-user-account-access.md", title: "Incident Report: Unauthorized", entries: 6, unknown: 0, checks: [[39, "2024-03-31T06:20:00-04:00", "PyPI Admins receive an"], [79, "2024-04-01T08:00:00-04:00", "an additional ~54 accounts"], [98, "2024-04-01T12:30:00-04:00", "Email invalidation applied to"]], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2024-04-10-domain-abuse.md", title: "Malware Distribution and", entries: 13, unknown: 3, checks: [[31, "2024-03-05T01:09:00Z", "Package yocolor version 0.4.6"], [37, null, "pypihosted.org domain nameservers removed"], [54, null, "pythanhosted.org domain nameservers removed"]], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2024-07-08-incident-report-leaked-admin-personal-access-token.md", title: "Incident Report: Leaked", entries: 6, unknown: 4, checks: [[23, null, "A GitHub Personal Access"], [34, null, "cabotage/cabotage-app:v3.0.0b35 and cabotage/cabotage-app:v3.0.0b110 removed"], [41, "2024-06-28T07:26:00-04:00", "GitHub Personal Access Token"]], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2024-11-25-aiocpa-attack-analysis.md", title: "Malware Package Analysis:", entries: 20, unknown: 2, checks: [[31, "2024-09-01T01:04:55Z", "PyPI user VoVcHiC creates"], [44, "2024-11-12T17:21:34Z", "aiocpa-0.1.10 released"], [54, null, "Report published"]], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2024-12-11-ultralytics-attack-analysis.md", title: "Supply-chain attack analysis:", entries: 0, unknown: 0, checks: [], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2025-04-14-incident-report-organization-team-privileges.md", title: "Incident Report: Organizations", entries: 8, unknown: 0, checks: [[26, "2025-04-14T16:37:00Z", "A PyPI User who"], [36, "2025-04-14T18:30:00Z", "PyPI Security removes invalid"], [44, "2025-04-14T19:06:00Z", "Security audit complete, validating"]], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2025-07-28-pypi-phishing-attack.md", title: "PyPI Users Email", entries: 0, unknown: 0, checks: [], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2025-07-31-incident-report-phishing-attack.md", title: "PyPI Phishing Attack:", entries: 20, unknown: 0, checks: [[116, "2025-07-26T13:14:00-04:00", "A user emails PyPI"], [133, "2025-07-28T10:44:00-04:00", "PyPI Admins post a"], [145, "2025-07-28T12:54:00-04:00", "num2words project owner responds"]], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2025-08-07-wheel-archive-confusion-attacks.md", title: "Preventing ZIP parser", entries: 0, unknown: 0, checks: [], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2025-09-16-github-actions-token-exfiltration.md", title: "Token Exfiltration Campaign", entries: 1, unknown: 1, checks: [[31, null, "a GitGuardian employee used"]], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2025-09-23-plenty-of-phish-in-the-sea.md", title: "Phishing attacks with", entries: 0, unknown: 0, checks: [], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2025-11-26-pypi-and-shai-hulud.md", title: "PyPI and Shai-Hulud:", entries: 0, unknown: 0, checks: [], actions: 0, done: 0 },
  { file: "pypi-incident-reports/2026-04-02-incident-report-litellm-telnyx-supply-chain-attack.md", title: "Incident Report: LiteLLM/Telnyx", entries: 0, unknown: 0, checks: [], actions: 0, done: 0 },
];

const read = (file: string) => readFileSync(path.join(SHARED_DATA_DIR, file), 'utf8');
const imported = (file: string) => importDocument(path.basename(file), read(file)).incidents[0]!;

describe('importing the real postmortems in ../shared/data', () => {
  it.each(documents)('$file', (expected) => {
    expect(importDocument(path.basename(expected.file), read(expected.file)).incidents).toHaveLength(1);
    const incident = imported(expected.file);
    expect(incident.title.startsWith(expected.title)).toBe(true);
    expect(incident.timeline).toHaveLength(expected.entries);
    expect(incident.timeline.filter((e) => e.occurredAt === null)).toHaveLength(expected.unknown);
    for (const [line, occurredAt, words] of expected.checks) {
      const entry = incident.timeline.find((e) => e.line === line);
      expect(entry, `an entry on line ${line}`).toBeDefined();
      expect(entry!.occurredAt).toBe(occurredAt);
      expect(entry!.text.startsWith(words), `"${entry!.text}" starts with "${words}"`).toBe(true);
    }
    expect(incident.actionItems).toHaveLength(expected.actions);
    expect(incident.actionItems.filter((a) => a.done)).toHaveLength(expected.done);
    if (expected.firstAction) expect(incident.actionItems[0]!.title.startsWith(expected.firstAction)).toBe(true);
  });

  it('never invents a time: every instant shows its wall-clock time on the line it came from', () => {
    for (const { file } of documents) {
      const lines = read(file).split('\n');
      for (const entry of imported(file).timeline.filter((e) => e.occurredAt)) {
        const local = DateTime.fromISO(entry.occurredAt!, { setZone: true });
        const minute = String(local.minute).padStart(2, '0');
        const written = [local.toFormat('HH:mm'), `${local.hour}:${minute}`, `${local.hour % 12 || 12}:${minute}`];
        const line = lines[entry.line - 1] ?? '';
        expect(written.some((w) => line.includes(w)), `${file}:${entry.line} ${entry.occurredAt}`).toBe(true);
      }
    }
  });

  it('reads no timestamp from pasted chat logs, code blocks or quotes', () => {
    for (const { file } of documents) {
      const lines = read(file).split('\n');
      for (const entry of imported(file).timeline) {
        expect(lines[entry.line - 1] ?? '', `${file}:${entry.line}`).not.toMatch(/^\s*(?:>|```|\s{4}\$)/);
      }
    }
  });
});
