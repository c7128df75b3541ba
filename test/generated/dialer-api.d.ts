// Generated from the dialer OpenAPI document by test/e2e/api/openapi-document.e2e.spec.ts: do not edit.
// Regenerate: UPDATE_API_TYPES=1 npm run test:e2e -- --testPathPatterns openapi-document
export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in: exchange email and password for a bearer token */
        post: operations["Auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade the refresh cookie (dialer_refresh) for a new access token and cookie; needs the CSRF header */
        post: operations["Auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out: revoke the access token and the refresh cookie */
        post: operations["Auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the token belongs to */
        get: operations["Auth_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the departments you may see */
        get: operations["Accounts_listDepartments"];
        put?: never;
        /** Create a department (admin) */
        post: operations["Accounts_createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one department */
        get: operations["Accounts_getDepartment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a department's name or webhook (admin) */
        patch: operations["Accounts_updateDepartment"];
        trace?: never;
    };
    "/api/departments/{id}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the department webhook secret (admin); the new secret is answered this once */
        post: operations["Accounts_rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admins: all; supervisors: their department) */
        get: operations["Accounts_listUsers"];
        put?: never;
        /** Create a user (admin) */
        post: operations["Accounts_createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one user */
        get: operations["Accounts_getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's name, password, role, department or active flag (admin) */
        patch: operations["Accounts_updateUser"];
        trace?: never;
    };
    "/api/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the agent profiles of the departments you work for */
        get: operations["AgentProfiles_list"];
        put?: never;
        /** Create the agent profile of a user of role agent (admin, supervisor) */
        post: operations["AgentProfiles_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one agent profile (an agent: its own) */
        get: operations["AgentProfiles_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an agent profile: endpoints, skills, groups, blending (admin, supervisor) */
        patch: operations["AgentProfiles_update"];
        trace?: never;
    };
    "/api/departments/{id}/agent-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A department's agent endpoint pool (shared desks) */
        get: operations["AgentProfiles_endpoints"];
        /** Replace a department's agent endpoint pool (admin, supervisor) */
        put: operations["AgentProfiles_setEndpoints"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the server healthy (database, ARI)? */
        get: operations["Health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agent's session: state, call, contact, preview offer */
        get: operations["AgentSession_get"];
        put?: never;
        /** Log in for a shift: the dialer calls the endpoint and keeps the agent in a bridge */
        post: operations["AgentSession_login"];
        /** Log out (ends the shift call) */
        delete: operations["AgentSession_logout"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Become ready for calls */
        post: operations["AgentSession_ready"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause with a reason */
        post: operations["AgentSession_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/hangup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hang up the current call (wrap-up follows) */
        post: operations["AgentSession_hangup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/disposition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the call's disposition and script answers */
        post: operations["AgentSession_disposition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule a callback for the current contact */
        post: operations["AgentSession_callback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/dnc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put the current contact's number on the do-not-call list */
        post: operations["AgentSession_dnc"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/preview/dial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dial the previewed contact */
        post: operations["AgentSession_previewDial"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/preview/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Skip the previewed contact with a reason */
        post: operations["AgentSession_previewSkip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live view of a campaign: calls, agents, dials, abandon rate */
        get: operations["CampaignLive_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/campaigns/{id}/dispositions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The disposition codes an agent may close a campaign's call with (the agent desktop's buttons) */
        get: operations["AgentDispositions_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the queues */
        get: operations["Acd_list"];
        put?: never;
        /** Create a queue */
        post: operations["Acd_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a queue */
        get: operations["Acd_get"];
        put?: never;
        post?: never;
        /** Delete a queue (refused while callers wait in it) */
        delete: operations["Acd_remove"];
        options?: never;
        head?: never;
        /** Change a queue */
        patch: operations["Acd_update"];
        trace?: never;
    };
    "/api/queues/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A queue's live figures: callers waiting, agents by state, service level today and in the last 15 minutes */
        get: operations["Acd_liveOne"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a queue's member agents */
        get: operations["Acd_members"];
        /** Add an agent to a queue, or change their penalty or pause */
        put: operations["Acd_addMember"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/{id}/members/{agentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an agent from a queue */
        delete: operations["Acd_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the DIDs (inbound numbers) and where they route */
        get: operations["Acd_dids"];
        put?: never;
        /** Route a DID to a queue or an IVR menu */
        post: operations["Acd_createDid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dids/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a DID */
        delete: operations["Acd_removeDid"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/inbound/transfer-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agents logged in and queues a caller may be transferred to (own departments) */
        get: operations["Acd_transferTargets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/inbound/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Blind-transfer the agent's inbound caller to an agent, a queue or a number */
        post: operations["Acd_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/inbound/conference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Conference an external number into the agent's inbound call */
        post: operations["Acd_conference"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{agentId}/barge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Barge in on an agent's call from the supervisor's phone */
        post: operations["Acd_barge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/inbound/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put the agent's inbound caller on hold (music) or take them back */
        post: operations["Acd_hold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/inbound/consult": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an attended transfer: consult an agent, a queue or a number with the caller on hold */
        post: operations["Acd_consult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/inbound/consult/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the attended transfer: the caller goes to the consulted party */
        post: operations["Acd_consultComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/inbound/consult/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the attended transfer: the consulted party is let go, the caller comes back */
        post: operations["Acd_consultCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{agentId}/listen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Listen to an agent's call from the supervisor's phone (snoop) */
        post: operations["Acd_listen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{agentId}/whisper": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whisper to an agent (the caller does not hear) from the supervisor's phone (snoop) */
        post: operations["Acd_whisper"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{agentId}/monitor/{channelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a listen, whisper or barge */
        delete: operations["Acd_endMonitor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/callback-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recorded callback requests (the after-hours route), newest first */
        get: operations["Acd_callbackRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments/{id}/allowed-destinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A department's allowed external destinations (transfer, conference, overflow) */
        get: operations["Acd_allowedDestinations"];
        /** Replace a department's allowed external destinations (E.164 prefixes; admin) */
        put: operations["Acd_setAllowedDestinations"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ivr-menus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the IVR menus */
        get: operations["Acd_menus"];
        put?: never;
        /** Create an IVR menu */
        post: operations["Acd_createMenu"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ivr-menus/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an IVR menu */
        get: operations["Acd_menu"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/briefs/{id}/campaign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn an accepted brief into a draft campaign */
        post: operations["Campaigns_createFromBrief"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns (optionally by state) */
        get: operations["Campaigns_list"];
        put?: never;
        /** Create a draft campaign from an accepted brief (briefId in the body) */
        post: operations["Campaigns_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a campaign: settings, dispositions, contact counts, allowed transitions */
        get: operations["Campaigns_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft or paused campaign's settings */
        patch: operations["Campaigns_update"];
        trace?: never;
    };
    "/api/campaigns/{id}/pacing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Turn the abandon target and the dial ratio limit of a campaign under way (pilot, running, paused) */
        patch: operations["Campaigns_updatePacing"];
        trace?: never;
    };
    "/api/campaigns/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a campaign to another state (see allowedTransitions) */
        post: operations["Campaigns_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/start-pilot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the pilot: pick a stratified sample and dial it */
        post: operations["Campaigns_startPilot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/review-pilot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the pilot and store its summary for review */
        post: operations["Campaigns_reviewPilot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/launch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Launch the full run after the pilot review */
        post: operations["Campaigns_launch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a running campaign */
        post: operations["Campaigns_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign */
        post: operations["Campaigns_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a campaign */
        post: operations["Campaigns_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a campaign */
        post: operations["Campaigns_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/pilot-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pilot's selection and (after review) its results */
        get: operations["Campaigns_pilotSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When the campaign will finish (or a what-if with ?agents=N) */
        get: operations["Campaigns_forecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the contact lists of your departments */
        get: operations["ContactLists_list"];
        put?: never;
        /** Create an empty contact list (then import into it) */
        post: operations["ContactLists_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a contact list and its import counts */
        get: operations["ContactLists_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-lists/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page through a list's contacts */
        get: operations["ContactLists_contacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-lists/{id}/import-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last import's summary and refused rows (JSON, or CSV with ?format=csv) */
        get: operations["ContactLists_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-lists/{id}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every import into the list, newest first, each with its summary */
        get: operations["ContactLists_imports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-lists/{id}/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import's summary and the rows it refused or noted (JSON, or CSV with ?format=csv) */
        get: operations["ContactLists_importReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-lists/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import contacts into a list: a file upload (multipart "file"), a raw CSV/XLSX body, or JSON rows
         * @description Streamed: the file is never held in memory. Columns are recognised by their headers (phone, name, time zone...) or named with `mapping`. Up to MAX_IMPORT_BYTES for files; JSON rows up to 10 MB.
         */
        post: operations["ContactLists_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scripts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the scripts of your departments */
        get: operations["Scripts_list"];
        put?: never;
        /** Create a script (optionally with its first version) */
        post: operations["Scripts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scripts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a script with all its versions */
        get: operations["Scripts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scripts/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a version (checked: ids, options, branches, {{fields}}) */
        post: operations["Scripts_addVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scripts/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one version of a script */
        get: operations["Scripts_getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scripts/{id}/versions/{version}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a version for a contact or for given field values */
        post: operations["Scripts_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/holiday-calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the holiday calendars: the shared ones and your departments' (admins: all) */
        get: operations["HolidayCalendars_list"];
        put?: never;
        /** Create a holiday calendar (admin); audited */
        post: operations["HolidayCalendars_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/holiday-calendars/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a holiday calendar or replace its dates (admin); audited with the dates' changes */
        patch: operations["HolidayCalendars_update"];
        trace?: never;
    };
    "/api/dnc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the do-not-call entries you may see (global ones and your departments) */
        get: operations["Dnc_list"];
        put?: never;
        /** Put one number on a do-not-call list; audited */
        post: operations["Dnc_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dnc/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a list of numbers on a do-not-call list (an uploaded file, read by the page); audited */
        post: operations["Dnc_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dnc/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a number off a do-not-call list; audited with the number */
        delete: operations["Dnc_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the audit log, newest first, filtered (admin) */
        get: operations["AuditLog_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/briefs/review-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The planners' review queue: submitted briefs, oldest first, with their review deadline */
        get: operations["Briefs_reviewQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/briefs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List briefs (optionally by status) */
        get: operations["Briefs_list"];
        put?: never;
        /** Draft a brief (with a contactListId, or inline rows up to 20,000) */
        post: operations["Briefs_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/briefs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a brief */
        get: operations["Briefs_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft or returned brief */
        patch: operations["Briefs_update"];
        trace?: never;
    };
    "/api/briefs/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A brief's status changes, oldest first */
        get: operations["Briefs_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/briefs/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a brief for review */
        post: operations["Briefs_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/briefs/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a submitted brief */
        post: operations["Briefs_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/briefs/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a submitted brief (planner) */
        post: operations["Briefs_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/briefs/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return a brief to its department with a reason (planner) */
        post: operations["Briefs_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your department's notifications, newest first */
        get: operations["Notifications_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read */
        post: operations["Notifications_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LoginDto: {
            /**
             * Format: email
             * @example planner@demo.local
             */
            email: string;
            /** @example the-password-printed-at-start */
            password: string;
        };
        LoginUserResponse: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "requester" | "planner" | "supervisor" | "agent" | "qa" | "admin";
            /** Format: uuid */
            departmentId: string;
        };
        LoginResponse: {
            /** @description send as `authorization: Bearer <accessToken>` */
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /**
             * @description seconds until the token expires
             * @example 28800
             */
            expiresIn: number;
            user: components["schemas"]["LoginUserResponse"];
        };
        RefreshResponse: {
            /** @description send as `authorization: Bearer <accessToken>` */
            accessToken: string;
            /**
             * @description seconds until the token expires
             * @example 28800
             */
            expiresIn: number;
        };
        PrincipalResponse: {
            /** Format: uuid */
            userId: string;
            /** Format: email */
            email: string;
            /** @enum {string} */
            role: "requester" | "planner" | "supervisor" | "agent" | "qa" | "admin";
            /** Format: uuid */
            departmentId: string;
            /** @description every department the caller works for (own plus assigned); absent: the own department only */
            departmentIds?: string[];
        };
        DepartmentResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            code: string;
            webhookUrl: string | null;
            agentEndpoints: string[];
            allowedDestinations: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description whether the department has a webhook secret (the secret is never answered) */
            webhookSecretSet: boolean;
        };
        CreateDepartmentDto: {
            /** @example Sales */
            name: string;
            /** @example SALES */
            code: string;
            /**
             * Format: uri
             * @example https://example.com/hooks/dialer
             */
            webhookUrl?: string;
            webhookSecret?: string;
        };
        UpdateDepartmentDto: {
            name?: string;
            /**
             * Format: uri
             * @example https://example.com/hooks/dialer
             */
            webhookUrl?: string;
            webhookSecret?: string;
        };
        WebhookSecretResponse: {
            /** Format: uuid */
            departmentId: string;
            /** @description the new secret: answered this once, never again */
            webhookSecret: string;
        };
        UserResponse: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "requester" | "planner" | "supervisor" | "agent" | "qa" | "admin";
            /** Format: uuid */
            departmentId: string;
            active: boolean;
            /** Format: date-time */
            lastLoginAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description further departments a planner, supervisor or QA works for (beside departmentId) */
            assignedDepartmentIds: string[];
        };
        CreateUserDto: {
            /** @example Ann Example */
            displayName: string;
            /**
             * Format: email
             * @example someone@example.com
             */
            email: string;
            password: string;
            /** @enum {string} */
            role: "requester" | "planner" | "supervisor" | "agent" | "qa" | "admin";
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId: string;
            assignedDepartmentIds?: string[];
        };
        UpdateUserDto: {
            displayName?: string;
            password?: string;
            /** @enum {string} */
            role?: "requester" | "planner" | "supervisor" | "agent" | "qa" | "admin";
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            active?: boolean;
            assignedDepartmentIds?: string[];
        };
        AgentProfileResponse: {
            /**
             * Format: uuid
             * @description the agent id (live views and the wallboard name agents by it)
             */
            id: string;
            /**
             * Format: uuid
             * @description the user (as in /api/users)
             */
            userId: string;
            /** Format: email */
            email: string;
            displayName: string;
            /** Format: uuid */
            departmentId: string;
            /**
             * @description endpoint dialled when the agent logs in without naming one
             * @example PJSIP/agent-1001
             */
            endpoint: string | null;
            /** @description further endpoints the agent may log in on */
            endpoints: string[];
            /**
             * @description { skill: level 1..10 }
             * @example {
             *       "french": 5
             *     }
             */
            skills: {
                [key: string]: number;
            };
            groups: string[];
            /** @description takes inbound calls between outbound ones */
            blended: boolean;
            /** @enum {string} */
            state: "offline" | "ready" | "reserved" | "talking" | "wrap-up" | "paused";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateAgentProfileDto: {
            /**
             * @example {
             *       "mandarin": 7
             *     }
             */
            skills?: {
                [key: string]: number;
            };
            endpoint?: string;
            endpoints?: string[];
            groups?: string[];
            blended?: boolean;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            userId: string;
        };
        UpdateAgentProfileDto: {
            /**
             * @example {
             *       "mandarin": 7
             *     }
             */
            skills?: {
                [key: string]: number;
            };
            endpoint?: string;
            endpoints?: string[];
            groups?: string[];
            blended?: boolean;
        };
        DepartmentEndpointsResponse: {
            /** Format: uuid */
            departmentId: string;
            /**
             * @description the department's pool: endpoints any of its agents may log in on
             * @example [
             *       "PJSIP/desk-1"
             *     ]
             */
            endpoints: string[];
        };
        DepartmentEndpointsDto: {
            endpoints: string[];
        };
        AgentLoginDto: {
            /** @example PJSIP/agent-1001 */
            endpoint?: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            campaignId?: string;
        };
        AgentCampaignResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            mode: "preview" | "progressive" | "predictive";
            /** @enum {string} */
            state: "draft" | "pilot" | "pilot_review" | "running" | "paused" | "completed" | "cancelled" | "pilot_paused";
            /**
             * @description how it was chosen at login: requested (the login named it) or only-one (the only campaign dialing for the agent)
             * @enum {string|null}
             */
            chosen: "requested" | "only-one" | null;
        };
        AgentCallResponse: {
            callId: string;
            /** Format: uuid */
            campaignId?: string;
            /** Format: uuid */
            contactId?: string;
            phone?: string;
            /** @description dialing, ringing, answered, bridged, ... or wrap-up */
            state: string;
            agentId?: string | null;
            /** Format: date-time */
            since?: string;
        };
        OfferContactResponse: {
            /** Format: uuid */
            id: string;
            firstName: string | null;
            lastName: string | null;
            /**
             * @description the number being dialed (E.164)
             * @example +447700900123
             */
            phone: string;
            /** @example Europe/London */
            timeZone: string;
            /** @description custom fields of the list */
            fields: {
                [key: string]: unknown;
            };
        };
        OfferResponse: {
            /** @description the call id the dial has or will have */
            attemptId: string;
            contact: components["schemas"]["OfferContactResponse"];
            /** Format: date-time */
            autoDialAt: string | null;
        };
        AgentSessionResponse: {
            /** Format: uuid */
            agentId: string;
            loggedIn: boolean;
            /** @enum {string} */
            state: "offline" | "ready" | "reserved" | "talking" | "wrap-up" | "paused";
            reason: string | null;
            /** Format: date-time */
            since: string;
            /** Format: uuid */
            campaignId: string | null;
            /** @description the campaign the agent works on, by name */
            campaign: components["schemas"]["AgentCampaignResponse"] | null;
            /** @example PJSIP/agent-1001 */
            endpoint: string | null;
            channelId: string | null;
            bridgeId: string | null;
            /** @description the call reserved, talking or wrapping up */
            call: components["schemas"]["AgentCallResponse"] | null;
            contact: components["schemas"]["OfferContactResponse"] | null;
            /** @description a preview offer */
            offer: components["schemas"]["OfferResponse"] | null;
        };
        PauseDto: {
            /** @example lunch */
            reason: string;
        };
        AgentDispositionDto: {
            /** @example INTERESTED */
            code: string;
            answers?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2030-01-15T09:00:00Z
             */
            callbackAt?: string;
            note?: string;
        };
        CallbackDto: {
            /**
             * Format: date-time
             * @example 2030-01-15T09:00:00Z
             */
            at: string;
            mine?: boolean;
            note?: string;
        };
        DncDto: {
            note?: string;
        };
        SkipDto: {
            reason: string;
        };
        LiveCallResponse: {
            callId: string;
            /** Format: uuid */
            contactId: string;
            calledNumber: string;
            agentId: string | null;
            /** @description that agent's display name (as in /api/users) */
            agentName: string | null;
            /** @description dialing, ringing, answered, bridged, abandoned, machine */
            state: string;
            /** Format: date-time */
            since: string;
        };
        LiveAgentResponse: {
            /**
             * Format: uuid
             * @description the agent profile (what /api/agent/* and the sockets use)
             */
            agentId: string;
            /**
             * Format: uuid
             * @description the same person in /api/users
             */
            userId: string;
            /** @description display name */
            name: string;
            /** Format: email */
            email: string;
            /** @enum {string} */
            state: "offline" | "ready" | "reserved" | "talking" | "wrap-up" | "paused";
            reason: string | null;
            /** Format: date-time */
            since: string;
        };
        LiveAgentsResponse: {
            byState: {
                [key: string]: number;
            };
            list: components["schemas"]["LiveAgentResponse"][];
        };
        LiveDialsResponse: {
            total: number;
            last15Minutes: number;
        };
        AbandonRateResponse: {
            run: number;
            window: number;
            windowHours: number;
            cap: number;
        };
        BridgeLatencyResponse: {
            count: number;
            p50: number | null;
            p95: number | null;
            max: number | null;
        };
        HoldReasonResponse: {
            /** @enum {string} */
            code: "not-started" | "pilot-review" | "pilot-paused" | "paused" | "finished" | "no-dialer" | "no-contacts-left" | "attempt-caps-reached" | "do-not-call" | "outside-window" | "waiting-for-retry" | "no-ready-agents" | "abandon-budget-spent" | "deadline-passed";
            /** @example outside every contact calling window until 09:00 Europe/London */
            message: string;
            /**
             * Format: date-time
             * @description when this reason stops holding it back
             */
            until?: string;
            details?: {
                [key: string]: unknown;
            };
        };
        DialingStatusResponse: {
            /** @description true when nothing holds the campaign back: it dials (or is about to) now */
            dialing: boolean;
            /** @description one sentence: what it does, or the first reason it does not */
            summary: string;
            reasons: components["schemas"]["HoldReasonResponse"][];
            /**
             * Format: date-time
             * @description when the first contact can next be called
             */
            nextCallableAt: string | null;
            /** Format: date-time */
            computedAt: string;
        };
        CampaignLiveResponse: {
            /** Format: uuid */
            campaignId: string;
            state: string;
            mode: string;
            /** @description the dialer process running it */
            runner: string | null;
            liveCalls: components["schemas"]["LiveCallResponse"][];
            agents: components["schemas"]["LiveAgentsResponse"];
            dials: components["schemas"]["LiveDialsResponse"];
            /** @description contacts per status */
            contacts: {
                [key: string]: number;
            };
            answeredByPerson: number;
            abandoned: number;
            abandonRate: components["schemas"]["AbandonRateResponse"];
            bridgeLatencyMs: components["schemas"]["BridgeLatencyResponse"] | null;
            /** @description whether it dials now, and if not what holds it back */
            dialing: components["schemas"]["DialingStatusResponse"];
        };
        AgentDispositionResponse: {
            /** @example SALE */
            code: string;
            /** @example Sale */
            label: string;
            /** @enum {string} */
            category: "success" | "contact" | "no-contact" | "callback" | "do-not-call";
        };
        IvrChoiceResponse: {
            /** Format: uuid */
            queueId?: string;
            /** Format: uuid */
            menuId?: string;
            priority?: number;
        };
        RelaxationStepResponse: {
            /** @description seconds of waiting after which this step applies */
            afterSeconds: number;
            /** @description lower every required level by this much */
            lowerBy?: number;
            /** @description skills no longer required */
            drop?: string[];
        };
        QueueResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            name: string;
            did: string | null;
            /** @enum {string} */
            strategy: "longest-idle" | "round-robin" | "fewest-calls" | "random" | "linear" | "skills-based" | "ring-all";
            /**
             * @description skill → minimum level (1..10)
             * @example {
             *       "french": 3
             *     }
             */
            requiredSkills: {
                [key: string]: number;
            };
            priority: number;
            wrapUpSeconds: number;
            maxWaitSeconds: number;
            overflowTarget: string | null;
            announcements: {
                [key: string]: unknown;
            };
            musicOnHold: string;
            serviceLevelSeconds: number;
            maxLength: number | null;
            skillRelaxation: components["schemas"]["RelaxationStepResponse"][];
            vipNumbers: string[];
            noAgentsTarget: string | null;
            keepPlace: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RelaxationStepDto: {
            afterSeconds: number;
            lowerBy?: number;
            drop?: string[];
        };
        CreateQueueDto: {
            /**
             * @description skill name → minimum level 1-10
             * @example {
             *       "mandarin": 5
             *     }
             */
            requiredSkills?: {
                [key: string]: number;
            };
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            name: string;
            /** @enum {string} */
            strategy: "longest-idle" | "round-robin" | "fewest-calls" | "random" | "linear" | "skills-based" | "ring-all";
            skillRelaxation?: components["schemas"]["RelaxationStepDto"][];
            priority?: number;
            maxLength?: number;
            maxWaitSeconds?: number;
            overflowTarget?: string;
            noAgentsTarget?: string;
            wrapUpSeconds?: number;
            serviceLevelSeconds?: number;
            musicOnHold?: string;
            vipNumbers?: string[];
            keepPlace?: boolean;
            did?: string;
        };
        UpdateQueueDto: {
            /**
             * @description skill name → minimum level 1-10
             * @example {
             *       "mandarin": 5
             *     }
             */
            requiredSkills?: {
                [key: string]: number;
            };
            name?: string;
            /** @enum {string} */
            strategy?: "longest-idle" | "round-robin" | "fewest-calls" | "random" | "linear" | "skills-based" | "ring-all";
            skillRelaxation?: components["schemas"]["RelaxationStepDto"][];
            priority?: number;
            maxLength?: number;
            maxWaitSeconds?: number;
            overflowTarget?: string;
            noAgentsTarget?: string;
            wrapUpSeconds?: number;
            serviceLevelSeconds?: number;
            vipNumbers?: string[];
            keepPlace?: boolean;
        };
        WaitingCallerResponse: {
            callId: string;
            callerNumber: string | null;
            waitingSeconds: number;
            priority: number;
            /** @description a kept place (a callback) rather than a caller on the line */
            callback: boolean;
        };
        QueueFiguresResponse: {
            /** Format: uuid */
            queueId: string;
            offered: number;
            answered: number;
            answeredWithinTarget: number;
            abandoned: number;
            shortAbandons: number;
            overflowed: number;
            /** @description answered within target ÷ offered */
            serviceLevel: number | null;
            /** @description answered within target ÷ (offered − short abandons) */
            serviceLevelExcludingShortAbandons: number | null;
            asaSeconds: number | null;
            abandonRate: number | null;
            longestWaitSeconds: number | null;
            /** @description seconds member agents talked on this queue's calls */
            busySeconds: number;
            /** @description seconds the queue's member agents were logged in */
            loggedInSeconds: number;
            /** @description busySeconds ÷ loggedInSeconds */
            occupancy: number | null;
        };
        QueueLiveResponse: {
            /** Format: uuid */
            queueId: string;
            name: string;
            /** Format: uuid */
            departmentId: string;
            waitingNow: number;
            longestWaitNowSeconds: number;
            waiting: components["schemas"]["WaitingCallerResponse"][];
            today: components["schemas"]["QueueFiguresResponse"];
            last15Minutes: components["schemas"]["QueueFiguresResponse"];
            /** @description member agents by state: ready, reserved, talking (incl. inbound), wrap-up, paused, offline */
            agents: {
                [key: string]: number;
            };
        };
        QueueMembershipResponse: {
            /** Format: uuid */
            queueId: string;
            /** Format: uuid */
            agentId: string;
            penalty: number;
            paused: boolean;
        };
        MembershipDto: {
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            agentId: string;
            penalty?: number;
            paused?: boolean;
        };
        DidResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            number: string;
            /** Format: uuid */
            queueId: string | null;
            /** Format: uuid */
            ivrMenuId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateDidDto: {
            /** @example +442079460000 */
            number: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            queueId?: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            ivrMenuId?: string;
        };
        TransferAgentChoice: {
            id: string;
            /** @example Li Na */
            name: string;
            /**
             * @description the agent's state now (only logged-in agents are listed)
             * @example ready
             */
            state: string;
        };
        TransferQueueChoice: {
            id: string;
            /** @example sales */
            name: string;
        };
        TransferTargetsResponse: {
            agents: components["schemas"]["TransferAgentChoice"][];
            queues: components["schemas"]["TransferQueueChoice"][];
        };
        TransferDto: {
            /** @example queue:sales */
            to: string;
        };
        InboundTransferResponse: {
            inboundCallId: string;
            /** @example queue:sales */
            to: string;
        };
        ConferenceDto: {
            /** @example +447700900123 */
            number: string;
        };
        InboundConferenceResponse: {
            inboundCallId: string;
            /** @description the conferenced party's channel */
            channelId: string;
        };
        BargeDto: {
            endpoint: string;
        };
        BargeResponse: {
            /** @description the supervisor's channel */
            channelId: string;
        };
        HoldDto: {
            /** @example true */
            hold: boolean;
        };
        InboundHoldResponse: {
            inboundCallId: string;
            /** @description the caller is on hold now */
            held: boolean;
        };
        ConsultDto: {
            /** @example agent:3f2c8a1e-5b7d-4c9e-a1f0-2d6b8e4c7a90 */
            to: string;
        };
        InboundConsultResponse: {
            inboundCallId: string;
            /** @description the attended transfer (consultation) id */
            consultId: string;
        };
        MonitorDto: {
            /** @example PJSIP/agent-1999 */
            endpoint: string;
        };
        MonitorResponse: {
            /** @description the supervisor's channel (end it with DELETE /api/agents/{agentId}/monitor/{channelId}) */
            channelId: string;
        };
        CallbackRequestResponse: {
            /** Format: uuid */
            inboundCallId: string;
            /** Format: uuid */
            departmentId: string | null;
            callerNumber: string | null;
            did: string | null;
            /** Format: date-time */
            arrivedAt: string;
            /** @description the recording's name (Asterisk's recording spool) */
            recording: string | null;
            /** @description length of the message, once the recording finished */
            recordedSeconds: number | null;
        };
        AllowedDestinationsResponse: {
            /** Format: uuid */
            departmentId: string;
            /** @description E.164 prefixes, X for any one digit; empty: none allowed */
            prefixes: string[];
        };
        AllowedDestinationsDto: {
            /**
             * @example [
             *       "+4420",
             *       "+336XXXXXXXX"
             *     ]
             */
            prefixes: string[];
        };
        IvrAfterHoursResponse: {
            /** @enum {string} */
            kind: "message" | "callback-request" | "queue";
            prompt?: string;
            /** Format: uuid */
            queueId?: string;
        };
        IvrMenuResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            name: string;
            prompt: string;
            /** @description DTMF digit → where it leads (a queue or another menu) */
            choices: {
                [key: string]: components["schemas"]["IvrChoiceResponse"];
            };
            timeoutSeconds: number;
            maxRetries: number;
            businessHours: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            holidayCalendarId: string | null;
            afterHours: components["schemas"]["IvrAfterHoursResponse"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AfterHoursDto: {
            /** @enum {string} */
            kind: "message" | "callback-request" | "queue";
            prompt?: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            queueId?: string;
        };
        CreateIvrMenuDto: {
            /**
             * @description DTMF digit (0-9, * or #) → a queue or another menu
             * @example {
             *       "1": {
             *         "queueId": "3f2c8a1e-5b7d-4c9e-a1f0-2d6b8e4c7a90"
             *       }
             *     }
             */
            choices: {
                [key: string]: {
                    /** Format: uuid */
                    queueId?: string;
                    /** Format: uuid */
                    menuId?: string;
                    priority?: number;
                };
            };
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            name: string;
            prompt: string;
            timeoutSeconds?: number;
            maxRetries?: number;
            businessHours?: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            holidayCalendarId?: string;
            afterHours?: components["schemas"]["AfterHoursDto"];
        };
        ForecastZoneResponse: {
            /** @example America/New_York */
            timeZone: string;
            contacts: number;
            /**
             * Format: date-time
             * @description the first instant the zone's window is open (now when open); null: not within a year
             */
            firstCallableAt: string | null;
        };
        ForecastResponse: {
            /** Format: date-time */
            computedAt: string;
            /** Format: date-time */
            deadline: string;
            contactsRemaining: number;
            agents: number;
            /** @description share of dials that reach a person */
            contactRate: number;
            /** @enum {string} */
            contactRateSource: "pilot" | "default";
            averageHandleSeconds: number;
            /** @enum {string} */
            averageHandleSource: "pilot" | "default";
            maxDialsPerContact: number;
            expectedDialsPerContact: number;
            expectedDials: number;
            expectedContacts: number;
            workloadAgentHours: number;
            callableHoursUntilDeadline: number;
            canFinishByDeadline: boolean;
            /**
             * Format: date-time
             * @description null: not within a year
             */
            expectedFinishAt: string | null;
            /** @description null: no callable hour left before the deadline */
            agentsNeeded: number | null;
            /** @description the remaining contacts per time zone and when each can first be called */
            zones?: components["schemas"]["ForecastZoneResponse"][];
            /**
             * Format: date-time
             * @description when the first remaining contact can be called (now when a window is open); null: not within a year
             */
            firstCallableAt?: string | null;
        };
        PacingDto: {
            abandonCapPercent?: number;
            /** @enum {number} */
            abandonWindowHours?: 24 | 720;
            maxLinesPerAgent?: number;
            ringTimeoutSeconds?: number;
        };
        DispositionDto: {
            /** @example INTERESTED */
            code: string;
            /** @example Interested */
            label: string;
            /** @enum {string} */
            category: "success" | "contact" | "no-contact" | "callback" | "do-not-call";
        };
        TimeRangeDto: {
            /** @example 09:00 */
            from: string;
            /** @example 17:30 */
            to: string;
        };
        WeekdayWindowDto: {
            /** @enum {string} */
            day: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
            ranges: components["schemas"]["TimeRangeDto"][];
        };
        CallingWindowsDto: {
            weekdays: components["schemas"]["WeekdayWindowDto"][];
            evenings: boolean;
            weekends: boolean;
            holidays: boolean;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            holidayCalendarId?: string;
            holidayDates?: string[];
            /**
             * @description IANA time zone name
             * @example Europe/London
             */
            timeZone: string;
        };
        RetryRuleDto: {
            retryAfterMinutes: number;
            maxRetries: number;
        };
        RetryPolicyDto: {
            busy?: components["schemas"]["RetryRuleDto"];
            noAnswer?: components["schemas"]["RetryRuleDto"];
            machine?: components["schemas"]["RetryRuleDto"];
            failed?: components["schemas"]["RetryRuleDto"];
            abandoned?: components["schemas"]["RetryRuleDto"];
            congestion?: components["schemas"]["RetryRuleDto"];
            maxAttemptsPerContact: number;
        };
        NewCampaignDto: {
            /** @example Renewals Q3 – wave 1 */
            name?: string;
            /** @example +442071234567 */
            callerId?: string;
            /** @description calling windows wider than the brief's are refused unless this is true; the campaign then carries a windows warning */
            allowWiderWindows?: boolean;
            /** @enum {string} */
            mode: "preview" | "progressive" | "predictive";
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            scriptVersionId?: string;
            agentGroup?: string;
            /**
             * @description skill name → minimum level 1-10
             * @example {
             *       "french": 5
             *     }
             */
            requiredSkills?: {
                [key: string]: number;
            };
            pacing?: components["schemas"]["PacingDto"];
            amdEnabled?: boolean;
            /** @enum {string} */
            machineAction?: "hangup" | "message";
            machineMessage?: string;
            abandonMessage?: string;
            dispositions?: components["schemas"]["DispositionDto"][];
            wrapUpSeconds?: number;
            previewAutoDialSeconds?: number;
            windows?: components["schemas"]["CallingWindowsDto"];
            retryPolicy?: components["schemas"]["RetryPolicyDto"];
            pilotSize?: number;
            priority?: number;
            /**
             * Format: uuid
             * @description the list to call: default the brief's; another list must belong to the brief's department (a re-plan)
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            contactListId?: string;
            /**
             * @description all, or not-finished (not done or do-not-call in an earlier campaign of the brief); default: all for the first campaign, not-finished for a further one (a wave)
             * @enum {string}
             */
            contacts?: "all" | "not-finished";
        };
        CampaignPacingResponse: {
            /** @example 3 */
            abandonCapPercent: number;
            /** @enum {number} */
            abandonWindowHours: 24 | 720;
            /** @example 1 */
            maxLinesPerAgent: number;
            /** @example 25 */
            ringTimeoutSeconds: number;
            /**
             * @description a person-answered call no agent takes within this is abandoned (regulation: 2 s)
             * @example 2
             */
            answerToAgentSeconds: number;
        };
        CampaignDispositionResponse: {
            /** @example INTERESTED */
            code: string;
            /** @example Interested */
            label: string;
            /** @enum {string} */
            category: "success" | "contact" | "no-contact" | "callback" | "do-not-call";
            /** @description set by the dialer itself (no answer, busy, machine, abandoned) */
            system: boolean;
            position: number;
        };
        CampaignContactCountsResponse: {
            total: number;
            pilot: number;
            /**
             * @description contacts per status (pending, leased, dialing, done, exhausted, dnc, excluded)
             * @example {
             *       "pending": 60,
             *       "dnc": 3
             *     }
             */
            byStatus: {
                [key: string]: number;
            };
        };
        FieldProblemDto: {
            /**
             * @description path of the field, e.g. `windows.weekdays[2].from`
             * @example title
             */
            field: string;
            /**
             * @description why it was refused
             * @example title must be a string
             */
            reason: string;
            /**
             * @description the rule that failed, for clients that word the reason in their own language
             * @example maxLength
             */
            rule?: string;
            /**
             * @description the rule's limits, e.g. `[200]` for maxLength
             * @example [
             *       200
             *     ]
             */
            args?: (string | number)[];
        };
        CampaignResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            /** Format: uuid */
            briefId: string | null;
            /** Format: uuid */
            contactListId: string | null;
            name: string;
            /** @enum {string} */
            mode: "preview" | "progressive" | "predictive";
            /** @enum {string} */
            state: "draft" | "pilot" | "pilot_review" | "running" | "paused" | "completed" | "cancelled" | "pilot_paused";
            /** Format: uuid */
            scriptVersionId: string | null;
            agentGroup: string | null;
            /**
             * @example {
             *       "french": 5
             *     }
             */
            requiredSkills: {
                [key: string]: number;
            };
            callerId: string | null;
            pacing: components["schemas"]["CampaignPacingResponse"];
            amdEnabled: boolean;
            /** @enum {string} */
            machineAction: "hangup" | "message";
            machineMessage: string | null;
            abandonMessage: string | null;
            windows: components["schemas"]["CallingWindowsDto"];
            retryPolicy: components["schemas"]["RetryPolicyDto"];
            wrapUpSeconds: number;
            previewAutoDialSeconds: number | null;
            pilotSize: number | null;
            pilotSummary: {
                [key: string]: unknown;
            } | null;
            forecast: components["schemas"]["ForecastResponse"] | null;
            priority: number;
            /** Format: date-time */
            deadline: string | null;
            leaseOwner: string | null;
            /** Format: date-time */
            leaseExpiresAt: string | null;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description states this campaign may move to next */
            allowedTransitions: ("draft" | "pilot" | "pilot_review" | "running" | "paused" | "completed" | "cancelled" | "pilot_paused")[];
            dispositions: components["schemas"]["CampaignDispositionResponse"][];
            contacts: components["schemas"]["CampaignContactCountsResponse"];
            /** @description what the planner should know, e.g. calling windows wider than the brief's (allowed with allowWiderWindows) */
            warnings: components["schemas"]["FieldProblemDto"][];
        };
        CreateCampaignDto: {
            /** @example Renewals Q3 – wave 1 */
            name?: string;
            /** @example +442071234567 */
            callerId?: string;
            /** @description calling windows wider than the brief's are refused unless this is true; the campaign then carries a windows warning */
            allowWiderWindows?: boolean;
            /** @enum {string} */
            mode: "preview" | "progressive" | "predictive";
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            scriptVersionId?: string;
            agentGroup?: string;
            /**
             * @description skill name → minimum level 1-10
             * @example {
             *       "french": 5
             *     }
             */
            requiredSkills?: {
                [key: string]: number;
            };
            pacing?: components["schemas"]["PacingDto"];
            amdEnabled?: boolean;
            /** @enum {string} */
            machineAction?: "hangup" | "message";
            machineMessage?: string;
            abandonMessage?: string;
            dispositions?: components["schemas"]["DispositionDto"][];
            wrapUpSeconds?: number;
            previewAutoDialSeconds?: number;
            windows?: components["schemas"]["CallingWindowsDto"];
            retryPolicy?: components["schemas"]["RetryPolicyDto"];
            pilotSize?: number;
            priority?: number;
            /**
             * Format: uuid
             * @description the list to call: default the brief's; another list must belong to the brief's department (a re-plan)
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            contactListId?: string;
            /**
             * @description all, or not-finished (not done or do-not-call in an earlier campaign of the brief); default: all for the first campaign, not-finished for a further one (a wave)
             * @enum {string}
             */
            contacts?: "all" | "not-finished";
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            briefId: string;
        };
        UpdateCampaignDto: {
            /** @example Renewals Q3 – wave 1 */
            name?: string;
            /** @example +442071234567 */
            callerId?: string;
            /** @description calling windows wider than the brief's are refused unless this is true; the campaign then carries a windows warning */
            allowWiderWindows?: boolean;
            /** @enum {string} */
            mode?: "preview" | "progressive" | "predictive";
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            scriptVersionId?: string;
            agentGroup?: string;
            /**
             * @description skill name → minimum level 1-10
             * @example {
             *       "french": 5
             *     }
             */
            requiredSkills?: {
                [key: string]: number;
            };
            pacing?: components["schemas"]["PacingDto"];
            amdEnabled?: boolean;
            /** @enum {string} */
            machineAction?: "hangup" | "message";
            machineMessage?: string;
            abandonMessage?: string;
            dispositions?: components["schemas"]["DispositionDto"][];
            wrapUpSeconds?: number;
            previewAutoDialSeconds?: number;
            windows?: components["schemas"]["CallingWindowsDto"];
            retryPolicy?: components["schemas"]["RetryPolicyDto"];
            pilotSize?: number;
            priority?: number;
        };
        LivePacingDto: {
            /**
             * @description abandon target in percent: more than 0, at most 5
             * @example 2.5
             */
            abandonCapPercent?: number;
            /**
             * @description dial ratio limit: lines dialled per staffed agent, 1..5 (above 1 only in predictive mode)
             * @example 2
             */
            maxLinesPerAgent?: number;
        };
        TransitionCampaignDto: {
            /** @description launch only: launch although the pilot placed no calls */
            force?: boolean;
            /** @description complete only: required when contacts are still waiting to be called */
            confirmPending?: boolean;
            /** @enum {string} */
            to: "draft" | "pilot" | "pilot_review" | "running" | "paused" | "completed" | "cancelled" | "pilot_paused";
            seed?: number;
        };
        StartPilotDto: {
            seed?: number;
        };
        LaunchCampaignDto: {
            /** @description required to launch after an empty pilot (0 attempts); the answer and the audit log carry a warning */
            force?: boolean;
        };
        CompleteCampaignDto: {
            /** @description required when contacts are still pending (they are left uncalled); the 409 says how many */
            confirmPending?: boolean;
        };
        PilotSelectionResponse: {
            seed: number;
            size: number;
            selected: number;
            /** @description per stratum */
            strata: {
                [key: string]: unknown;
            }[];
            /** Format: date-time */
            selectedAt: string;
        };
        PilotRoundResponse: {
            /**
             * @description 1 for the first pilot round
             * @example 1
             */
            round: number;
            selection: components["schemas"]["PilotSelectionResponse"] | null;
            /** @description what the round showed (from pilot_review on): attempts, contact rate, outcomes, dispositions */
            summary: {
                [key: string]: unknown;
            } | null;
        };
        PilotSummaryResponse: {
            /**
             * @description 1 for the first pilot round
             * @example 1
             */
            round: number;
            selection: components["schemas"]["PilotSelectionResponse"] | null;
            /** @description what the round showed (from pilot_review on): attempts, contact rate, outcomes, dispositions */
            summary: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            state: "draft" | "pilot" | "pilot_review" | "running" | "paused" | "completed" | "cancelled" | "pilot_paused";
            /** @description every pilot round, the first first */
            rounds: components["schemas"]["PilotRoundResponse"][];
        };
        ImportRowsBody: {
            /**
             * @description objects keyed by column name, or arrays with a header row first; at most 10 MB of JSON
             * @example [
             *       {
             *         "phone": "+447700900123",
             *         "first_name": "Ada",
             *         "last_name": "Lovelace",
             *         "time_zone": "Europe/London"
             *       }
             *     ]
             */
            rows: ({
                [key: string]: unknown;
            } | unknown[])[];
            /**
             * @description contact field → column name, when the headers are not recognised
             * @example {
             *       "phone": "Mobile"
             *     }
             */
            mapping?: {
                [key: string]: string;
            };
        };
        ImportSheetResponse: {
            /** @example Contacts */
            name: string;
            /**
             * @description 1-based
             * @example 1
             */
            index: number;
            /** @description every sheet of the workbook */
            of: string[];
        };
        ImportErrorResponse: {
            /** @example payload-too-large */
            code: string;
            message: string;
            /** @description how far the file was read (data rows) */
            readThroughRow: number;
            /**
             * @description a failed import keeps nothing: the list is as it was before
             * @enum {number}
             */
            kept: 0;
        };
        StoredImportSummaryResponse: {
            /**
             * Format: uuid
             * @description this import: its report is at GET /api/contact-lists/{id}/imports/{importId}
             */
            importId: string;
            /** @enum {string} */
            status: "ready" | "failed";
            /** @enum {string} */
            format: "csv" | "xlsx" | "json";
            /** @example utf-8 */
            encoding: string;
            /**
             * @description how the encoding was chosen (forced: ?encoding=; declared: the content-type charset)
             * @enum {string}
             */
            encodingSource?: "bom" | "forced" | "declared" | "detected";
            /** @description XLSX: the sheet imported (?sheet=) */
            sheet?: components["schemas"]["ImportSheetResponse"];
            /** @description data rows read (the header not counted) */
            rows: number;
            /** @description contacts in the list after the import */
            contacts: number;
            /** @description rows imported (new or merged) */
            accepted: number;
            /** @description rows refused; each reason is in the import report */
            rejected: number;
            /** @description rows merged into a contact already seen (same external id or first number) */
            duplicates: number;
            /** @description numbers held by more than one contact of the list (kept, each in the report) */
            sharedNumbers: number;
            /** @description contacts with a number on a do-not-call list */
            dnc: number;
            /** @description problems that did not refuse a row (also in the report) */
            notes: number;
            /** @description rows with more cells than the header (extra cells not imported) */
            raggedRows: number;
            /** @description cells cleaned of NUL characters or lone surrogates */
            cleanedCells: number;
            /**
             * @description contact field → the column(s) it was read from
             * @example {
             *       "phone": "Phone",
             *       "firstName": "First name"
             *     }
             */
            columns: {
                [key: string]: string | string[];
            };
            customFields: string[];
            warnings: string[];
            durationMs: number;
            error?: components["schemas"]["ImportErrorResponse"];
        };
        ImportRejectionResponse: {
            rowNumber: number;
            field: string;
            reason: string;
            /** @description the refused value as read */
            raw: string | null;
        };
        ImportReportResponse: {
            /** Format: uuid */
            listId: string;
            /**
             * Format: uuid
             * @description the latest import (null before the first)
             */
            importId: string | null;
            /** @enum {string} */
            status: "importing" | "ready" | "failed";
            /** @description null before the first import */
            summary: components["schemas"]["StoredImportSummaryResponse"] | null;
            rejections: components["schemas"]["ImportRejectionResponse"][];
        };
        AbandonedImportSummaryResponse: {
            /** @enum {string} */
            status: "failed";
            error: components["schemas"]["ImportErrorResponse"];
        };
        ImportRecordReportResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            listId: string;
            /** @enum {string} */
            status: "importing" | "ready" | "failed";
            fileName: string | null;
            /** @enum {string|null} */
            format: "csv" | "xlsx" | "json" | null;
            /** Format: uuid */
            createdById: string | null;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description null while importing; an import the server abandoned has only status and error */
            summary: (components["schemas"]["StoredImportSummaryResponse"] | components["schemas"]["AbandonedImportSummaryResponse"]) | null;
            /** @description the rows this import refused or noted */
            rejections: components["schemas"]["ImportRejectionResponse"][];
        };
        CreateContactListDto: {
            /** @example Renewals Q3 */
            name: string;
            region?: string;
            defaultTimeZone?: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            briefId?: string;
        };
        ContactListResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            /** Format: uuid */
            briefId: string | null;
            name: string;
            region: string | null;
            defaultTimeZone: string | null;
            /** @enum {string} */
            status: "importing" | "ready" | "failed";
            sourceFileName: string | null;
            rowCount: number;
            acceptedCount: number;
            rejectedCount: number;
            duplicateCount: number;
            dncCount: number;
            /** @description the last import */
            importSummary: components["schemas"]["StoredImportSummaryResponse"] | null;
            /** Format: date-time */
            importedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ContactPhoneResponse: {
            /** @example +447700900123 */
            e164: string;
            /** @example mobile */
            kind: string;
            label: string | null;
            position: number;
            /** @enum {string} */
            status: "active" | "invalid" | "dnc" | "disconnected" | "exhausted";
        };
        ContactResponse: {
            /** Format: uuid */
            id: string;
            externalId: string | null;
            firstName: string | null;
            lastName: string | null;
            /** @example Europe/London */
            timeZone: string;
            region: string | null;
            segment: string | null;
            /** @description custom columns */
            fields: {
                [key: string]: unknown;
            };
            dnc: boolean;
            sourceRow: number;
            phones: components["schemas"]["ContactPhoneResponse"][];
        };
        ContactPageResponse: {
            items: components["schemas"]["ContactResponse"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ImportRecordResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            listId: string;
            /** @enum {string} */
            status: "importing" | "ready" | "failed";
            fileName: string | null;
            /** @enum {string|null} */
            format: "csv" | "xlsx" | "json" | null;
            /** Format: uuid */
            createdById: string | null;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description null while importing; an import the server abandoned has only status and error */
            summary: (components["schemas"]["StoredImportSummaryResponse"] | components["schemas"]["AbandonedImportSummaryResponse"]) | null;
        };
        ImportSummaryResponse: {
            /** Format: uuid */
            listId: string;
            /**
             * Format: uuid
             * @description this import: its report is at GET /api/contact-lists/{id}/imports/{importId}
             */
            importId: string;
            /** @enum {string} */
            status: "ready" | "failed";
            /** @enum {string} */
            format: "csv" | "xlsx" | "json";
            /** @example utf-8 */
            encoding: string;
            /**
             * @description how the encoding was chosen (forced: ?encoding=; declared: the content-type charset)
             * @enum {string}
             */
            encodingSource?: "bom" | "forced" | "declared" | "detected";
            /** @description XLSX: the sheet imported (?sheet=) */
            sheet?: components["schemas"]["ImportSheetResponse"];
            /** @description data rows read (the header not counted) */
            rows: number;
            /** @description contacts in the list after the import */
            contacts: number;
            /** @description rows imported (new or merged) */
            accepted: number;
            /** @description rows refused; each reason is in the import report */
            rejected: number;
            /** @description rows merged into a contact already seen (same external id or first number) */
            duplicates: number;
            /** @description numbers held by more than one contact of the list (kept, each in the report) */
            sharedNumbers: number;
            /** @description contacts with a number on a do-not-call list */
            dnc: number;
            /** @description problems that did not refuse a row (also in the report) */
            notes: number;
            /** @description rows with more cells than the header (extra cells not imported) */
            raggedRows: number;
            /** @description cells cleaned of NUL characters or lone surrogates */
            cleanedCells: number;
            /**
             * @description contact field → the column(s) it was read from
             * @example {
             *       "phone": "Phone",
             *       "firstName": "First name"
             *     }
             */
            columns: {
                [key: string]: string | string[];
            };
            customFields: string[];
            warnings: string[];
            durationMs: number;
            error?: components["schemas"]["ImportErrorResponse"];
        };
        ChoiceOptionSchema: {
            /** @example yes */
            value: string;
            /** @example Yes, renew */
            label: string;
        };
        QuestionSchema: {
            /** @example renew */
            id: string;
            /**
             * @example single
             * @enum {string}
             */
            type: "text" | "single" | "multiple" | "number" | "date";
            /**
             * @description may use {{field}} placeholders
             * @example Would you like to renew, {{first_name}}?
             */
            text: string;
            required?: boolean;
            /**
             * @description single / multiple only: choices, as text or { value, label }
             * @example [
             *       "yes",
             *       "no"
             *     ]
             */
            options?: (string | components["schemas"]["ChoiceOptionSchema"])[];
            /** @description number only: lower bound */
            min?: number;
            /** @description number only: upper bound */
            max?: number;
        };
        BranchConditionSchema: {
            /**
             * @description id of a question of the script
             * @example renew
             */
            question: string;
            /** @example yes */
            equals?: string | number | boolean;
            in?: (string | number)[];
        };
        BranchSchema: {
            when: components["schemas"]["BranchConditionSchema"];
            /**
             * @description a section id, or "end"
             * @example close
             */
            goto: string;
        };
        SectionSchema: {
            /**
             * @description "end" is reserved
             * @example intro
             */
            id: string;
            /** @example Introduction */
            title?: string;
            /** @example Hello {{first_name}}, this is Acme calling about your policy. */
            text?: string;
            questions?: components["schemas"]["QuestionSchema"][];
            /** @description the first branch whose condition holds */
            branches?: components["schemas"]["BranchSchema"][];
            /** @description next section id or "end" (default: the following section) */
            next?: string;
        };
        ScriptBodySchema: {
            /**
             * @example [
             *       {
             *         "id": "intro",
             *         "text": "Hello {{first_name}}, this is Acme calling about your renewal.",
             *         "questions": [
             *           {
             *             "id": "renew",
             *             "type": "single",
             *             "text": "Would you like to renew?",
             *             "options": [
             *               "yes",
             *               "no"
             *             ]
             *           }
             *         ],
             *         "branches": [
             *           {
             *             "when": {
             *               "question": "renew",
             *               "equals": "no"
             *             },
             *             "goto": "end"
             *           }
             *         ]
             *       }
             *     ]
             */
            sections: components["schemas"]["SectionSchema"][];
        };
        CreateScriptDto: {
            /** @example Renewal reminder */
            name: string;
            body?: components["schemas"]["ScriptBodySchema"];
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            briefId?: string;
            changeNote?: string;
            knownFields?: string[];
        };
        ScriptVersionResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            scriptId: string;
            version: number;
            body: components["schemas"]["ScriptBodySchema"];
            fieldsUsed: string[];
            changeNote: string | null;
            /** Format: uuid */
            createdById: string;
            /** Format: date-time */
            createdAt: string;
        };
        ScriptWithVersionsResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            /** Format: uuid */
            briefId: string | null;
            name: string;
            latestVersion: number;
            /** Format: uuid */
            createdById: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            versions: components["schemas"]["ScriptVersionResponse"][];
        };
        ScriptResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            /** Format: uuid */
            briefId: string | null;
            name: string;
            latestVersion: number;
            /** Format: uuid */
            createdById: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AddVersionDto: {
            body: components["schemas"]["ScriptBodySchema"];
            changeNote?: string;
            knownFields?: string[];
        };
        PreviewDto: {
            /**
             * @example {
             *       "first_name": "Ada"
             *     }
             */
            fields?: {
                [key: string]: (string | number | boolean) | null;
            };
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            contactId?: string;
        };
        RenderedScriptResponse: {
            /** Format: uuid */
            scriptId: string;
            version: number;
            /** @description the sections with every {{field}} filled in */
            sections: components["schemas"]["SectionSchema"][];
            /** @description placeholders with no value for this contact */
            missingFields: string[];
        };
        HolidayDateResponse: {
            /** @example 2026-10-01 */
            date: string;
            /** @example National Day */
            name?: string;
        };
        HolidayCalendarResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string | null;
            name: string;
            region: string | null;
            dates: components["schemas"]["HolidayDateResponse"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        HolidayDateDto: {
            /**
             * @description YYYY-MM-DD
             * @example 2026-10-01
             */
            date: string;
            /** @example National Day */
            name?: string;
        };
        CreateHolidayCalendarDto: {
            /** @example China 2026 */
            name: string;
            /**
             * @description ISO 3166 country code
             * @example CN
             */
            region?: string;
            /**
             * Format: uuid
             * @description the department's own calendar (admins: any department; omitted: shared by every department)
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            /**
             * @example [
             *       {
             *         "date": "2026-10-01",
             *         "name": "National Day"
             *       }
             *     ]
             */
            dates: components["schemas"]["HolidayDateDto"][];
        };
        UpdateHolidayCalendarDto: {
            /** @example China 2026 */
            name?: string;
            /** @description replaces every date */
            dates?: components["schemas"]["HolidayDateDto"][];
        };
        DncEntryResponse: {
            /** Format: uuid */
            id: string;
            e164: string;
            /** @enum {string} */
            scope: "global" | "department" | "campaign";
            /** Format: uuid */
            departmentId: string | null;
            /** Format: uuid */
            campaignId: string | null;
            reason: string | null;
            source: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            createdById: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        DncPageResponse: {
            total: number;
            entries: components["schemas"]["DncEntryResponse"][];
        };
        AddDncDto: {
            /** @example +8613800138000 */
            e164: string;
            /**
             * @description global: admins only
             * @example department
             * @enum {string}
             */
            scope: "global" | "department" | "campaign";
            /**
             * Format: uuid
             * @description for the department scope (default: your own)
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            /**
             * Format: uuid
             * @description for the campaign scope
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            campaignId?: string;
            /** @example asked by letter */
            reason?: string;
            /**
             * Format: date-time
             * @description when the entry lapses (none: never)
             * @example 2030-01-15T09:00:00Z
             */
            expiresAt?: string;
        };
        UploadDncDto: {
            /**
             * @description E.164 numbers, at most 5000; a bad one is reported by its position, the others are added
             * @example [
             *       "+8613800138000",
             *       "+8613900139000"
             *     ]
             */
            numbers: string[];
            /**
             * @example department
             * @enum {string}
             */
            scope: "global" | "department" | "campaign";
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            departmentId?: string;
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            campaignId?: string;
            /** @example regulator list 2026-11 */
            reason?: string;
        };
        DncRejectedResponse: {
            /** @description position in the uploaded list (0-based) */
            index: number;
            value: string;
            reason: string;
        };
        DncUploadResponse: {
            /** @description numbers newly on the list */
            added: number;
            /** @description numbers already on the list in that scope */
            alreadyListed: number;
            rejected: components["schemas"]["DncRejectedResponse"][];
        };
        AuditEntryResponse: {
            id: string;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            actorId: string | null;
            actorRole: string | null;
            /** Format: uuid */
            departmentId: string | null;
            action: string;
            entityType: string;
            entityId: string;
            details: {
                [key: string]: unknown;
            } | null;
        };
        AuditPageResponse: {
            entries: components["schemas"]["AuditEntryResponse"][];
            /** @description pass as before= for the next (older) page */
            nextBefore: string | null;
        };
        ContactPersonDto: {
            /** @example Ann Example */
            name: string;
            /** @example +44 20 7946 0000 */
            phone?: string;
            /**
             * Format: email
             * @example someone@example.com
             */
            email?: string;
        };
        BriefCampaignLinkResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            state: "draft" | "pilot" | "pilot_review" | "running" | "paused" | "completed" | "cancelled" | "pilot_paused";
            /** Format: date-time */
            createdAt: string;
        };
        ReviewQueueEntryResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            /** Format: uuid */
            createdById: string;
            title: string;
            purpose: string;
            contactPerson: components["schemas"]["ContactPersonDto"];
            /** @enum {string} */
            status: "draft" | "submitted" | "accepted" | "rejected" | "withdrawn" | "converted" | "completed";
            scriptDraft: string | null;
            /** Format: date-time */
            deadline: string;
            windows: components["schemas"]["CallingWindowsDto"];
            retryPolicy: components["schemas"]["RetryPolicyDto"];
            region: string;
            defaultTimeZone: string;
            pilotSize: number | null;
            priority: number;
            /** Format: uuid */
            contactListId: string | null;
            rejectionReason: string | null;
            /** Format: date-time */
            submittedAt: string | null;
            /** Format: date-time */
            reviewedAt: string | null;
            /** Format: uuid */
            reviewedById: string | null;
            forecast: components["schemas"]["ForecastResponse"] | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description statuses this brief may move to next */
            allowedTransitions: ("draft" | "submitted" | "accepted" | "rejected" | "withdrawn" | "converted" | "completed")[];
            /** @description the campaigns (waves) made from this brief, oldest first */
            campaigns: components["schemas"]["BriefCampaignLinkResponse"][];
            /** Format: date-time */
            reviewDueAt: string;
            overdue: boolean;
        };
        BriefResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            /** Format: uuid */
            createdById: string;
            title: string;
            purpose: string;
            contactPerson: components["schemas"]["ContactPersonDto"];
            /** @enum {string} */
            status: "draft" | "submitted" | "accepted" | "rejected" | "withdrawn" | "converted" | "completed";
            scriptDraft: string | null;
            /** Format: date-time */
            deadline: string;
            windows: components["schemas"]["CallingWindowsDto"];
            retryPolicy: components["schemas"]["RetryPolicyDto"];
            region: string;
            defaultTimeZone: string;
            pilotSize: number | null;
            priority: number;
            /** Format: uuid */
            contactListId: string | null;
            rejectionReason: string | null;
            /** Format: date-time */
            submittedAt: string | null;
            /** Format: date-time */
            reviewedAt: string | null;
            /** Format: uuid */
            reviewedById: string | null;
            forecast: components["schemas"]["ForecastResponse"] | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description statuses this brief may move to next */
            allowedTransitions: ("draft" | "submitted" | "accepted" | "rejected" | "withdrawn" | "converted" | "completed")[];
            /** @description the campaigns (waves) made from this brief, oldest first */
            campaigns: components["schemas"]["BriefCampaignLinkResponse"][];
        };
        CreateBriefDto: {
            /** @example Renewal reminder */
            title: string;
            /** @example Remind customers whose contract ends this quarter and offer the renewal. */
            purpose: string;
            /**
             * @description up to 20,000 rows and 10 MB of JSON; larger lists: POST /api/contact-lists/{id}/import
             * @example [
             *       {
             *         "phone": "+447700900123",
             *         "first_name": "Ada",
             *         "last_name": "Lovelace",
             *         "time_zone": "Europe/London"
             *       }
             *     ]
             */
            rows?: ({
                [key: string]: unknown;
            } | unknown[])[];
            /**
             * Format: date-time
             * @description ISO 8601 date-time in the future
             * @example 2030-06-30T17:00:00Z
             */
            deadline: string;
            contactPerson: components["schemas"]["ContactPersonDto"];
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            contactListId?: string;
            scriptDraft?: string;
            windows: components["schemas"]["CallingWindowsDto"];
            retryPolicy: components["schemas"]["RetryPolicyDto"];
            pilotSize?: number;
            priority?: number;
            /** @example GB */
            region: string;
        };
        BriefWithImportResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            /** Format: uuid */
            createdById: string;
            title: string;
            purpose: string;
            contactPerson: components["schemas"]["ContactPersonDto"];
            /** @enum {string} */
            status: "draft" | "submitted" | "accepted" | "rejected" | "withdrawn" | "converted" | "completed";
            scriptDraft: string | null;
            /** Format: date-time */
            deadline: string;
            windows: components["schemas"]["CallingWindowsDto"];
            retryPolicy: components["schemas"]["RetryPolicyDto"];
            region: string;
            defaultTimeZone: string;
            pilotSize: number | null;
            priority: number;
            /** Format: uuid */
            contactListId: string | null;
            rejectionReason: string | null;
            /** Format: date-time */
            submittedAt: string | null;
            /** Format: date-time */
            reviewedAt: string | null;
            /** Format: uuid */
            reviewedById: string | null;
            forecast: components["schemas"]["ForecastResponse"] | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description statuses this brief may move to next */
            allowedTransitions: ("draft" | "submitted" | "accepted" | "rejected" | "withdrawn" | "converted" | "completed")[];
            /** @description the campaigns (waves) made from this brief, oldest first */
            campaigns: components["schemas"]["BriefCampaignLinkResponse"][];
            /** @description when the brief was saved with rows */
            import?: components["schemas"]["ImportSummaryResponse"];
        };
        UpdateBriefDto: {
            /** @example Renewal reminder */
            title?: string;
            /** @example Remind customers whose contract ends this quarter and offer the renewal. */
            purpose?: string;
            /**
             * @description up to 20,000 rows and 10 MB of JSON; larger lists: POST /api/contact-lists/{id}/import
             * @example [
             *       {
             *         "phone": "+447700900123",
             *         "first_name": "Ada",
             *         "last_name": "Lovelace",
             *         "time_zone": "Europe/London"
             *       }
             *     ]
             */
            rows?: ({
                [key: string]: unknown;
            } | unknown[])[];
            /**
             * Format: date-time
             * @description ISO 8601 date-time in the future
             * @example 2030-06-30T17:00:00Z
             */
            deadline?: string;
            contactPerson?: components["schemas"]["ContactPersonDto"];
            /**
             * Format: uuid
             * @example 3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10
             */
            contactListId?: string;
            scriptDraft?: string;
            windows?: components["schemas"]["CallingWindowsDto"];
            retryPolicy?: components["schemas"]["RetryPolicyDto"];
            pilotSize?: number;
            priority?: number;
            /** @example GB */
            region?: string;
        };
        BriefStatusChangeResponse: {
            id: string;
            /** Format: uuid */
            briefId: string;
            fromStatus: string | null;
            toStatus: string;
            reason: string | null;
            /** Format: uuid */
            actorId: string | null;
            /** Format: date-time */
            at: string;
            /** @description the actor's display name (null: the system) */
            actorName: string | null;
            /** Format: email */
            actorEmail: string | null;
            /** @enum {string|null} */
            actorRole: "requester" | "planner" | "supervisor" | "agent" | "qa" | "admin" | null;
        };
        AcceptBriefDto: {
            /**
             * @description a note to the requesting department (kept in the history, sent with the notice)
             * @example accepted: pilot on Monday
             */
            comment?: string;
        };
        RejectBriefDto: {
            reason: string;
        };
        NotificationResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            departmentId: string;
            kind: string;
            entityType: string | null;
            entityId: string | null;
            message: string;
            payload: {
                [key: string]: unknown;
            } | null;
            webhookStatus: string;
            webhookAttempts: number;
            /** Format: date-time */
            webhookNextAttemptAt: string | null;
            webhookLastError: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ErrorBodyDto: {
            /**
             * @description stable error id
             * @example validation-failed
             * @enum {string}
             */
            error: "validation-failed" | "unauthenticated" | "invalid-credentials" | "forbidden" | "not-found" | "conflict" | "illegal-transition" | "payload-too-large" | "unsupported-media-type" | "ari-unavailable" | "unavailable" | "rate-limited" | "internal" | "unprocessable";
            /**
             * @description human-readable summary
             * @example some fields are invalid
             */
            message: string;
            /** @description validation errors: one `{ field, reason }` per refused field; other errors may give context instead, e.g. `{ from, to, allowed }` for an illegal transition or `{ allowedRoles }` for a forbidden role */
            details?: components["schemas"]["FieldProblemDto"][] | {
                [key: string]: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "planner@demo.local",
                 *       "password": "the-password-printed-at-start"
                 *     }
                 */
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Auth_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshResponse"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description logged out; the refresh cookie is cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Auth_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrincipalResponse"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_listDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_createDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Sales",
                 *       "code": "SALES"
                 *     }
                 */
                "application/json": components["schemas"]["CreateDepartmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_getDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_updateDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "webhookUrl": "https://example.com/hooks/dialer"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateDepartmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "displayName": "Ann Example",
                 *       "email": "someone@example.com",
                 *       "password": "example text that is long enough",
                 *       "role": "requester",
                 *       "departmentId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10"
                 *     }
                 */
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Accounts_updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "departmentId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentProfiles_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProfileResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentProfiles_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10"
                 *     }
                 */
                "application/json": components["schemas"]["CreateAgentProfileDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProfileResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentProfiles_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProfileResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentProfiles_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "skills": {
                 *         "mandarin": 7
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["UpdateAgentProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentProfileResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentProfiles_endpoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentEndpointsResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentProfiles_setEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "endpoints": []
                 *     }
                 */
                "application/json": components["schemas"]["DepartmentEndpointsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentEndpointsResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description everything is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "degraded";
                        /** @enum {string} */
                        database: "up" | "down" | "disabled";
                    } & {
                        [key: string]: "up" | "down" | "disabled";
                    };
                };
            };
            /** @description something is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "degraded";
                        /** @enum {string} */
                        database: "up" | "down" | "disabled";
                    } & {
                        [key: string]: "up" | "down" | "disabled";
                    };
                };
            };
        };
    };
    AgentSession_get: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_login: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "endpoint": "PJSIP/agent-1001",
                 *       "campaignId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10"
                 *     }
                 */
                "application/json": components["schemas"]["AgentLoginDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_logout: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_ready: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_pause: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "lunch"
                 *     }
                 */
                "application/json": components["schemas"]["PauseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_hangup: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_disposition: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "INTERESTED"
                 *     }
                 */
                "application/json": components["schemas"]["AgentDispositionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_callback: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2030-01-15T09:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["CallbackDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_dnc: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["DncDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_previewDial: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentSession_previewSkip: {
        parameters: {
            query?: {
                /** @description whose session (supervisors and admins; agents act on their own) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "example text that is long enough"
                 *     }
                 */
                "application/json": components["schemas"]["SkipDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSessionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CampaignLive_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignLiveResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentDispositions_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentDispositionResponse"][];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "example text that is long enough",
                 *       "strategy": "longest-idle"
                 *     }
                 */
                "application/json": components["schemas"]["CreateQueueDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unprocessable: the number is outside the department's allowed destinations; `details` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "requiredSkills": {
                 *         "mandarin": 5
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["UpdateQueueDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unprocessable: the number is outside the department's allowed destinations; `details` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_liveOne: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueLiveResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_members: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueMembershipResponse"][];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "agentId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10"
                 *     }
                 */
                "application/json": components["schemas"]["MembershipDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueMembershipResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_dids: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_createDid: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "number": "+442079460000"
                 *     }
                 */
                "application/json": components["schemas"]["CreateDidDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DidResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_removeDid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_transferTargets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferTargetsResponse"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_transfer: {
        parameters: {
            query?: {
                /** @description the agent (supervisors and admins; an agent acts on their own call) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "queue:sales"
                 *     }
                 */
                "application/json": components["schemas"]["TransferDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundTransferResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unprocessable: the number is outside the department's allowed destinations; `details` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_conference: {
        parameters: {
            query?: {
                /** @description the agent (supervisors and admins; an agent acts on their own call) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "number": "+447700900123"
                 *     }
                 */
                "application/json": components["schemas"]["ConferenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundConferenceResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unprocessable: the number is outside the department's allowed destinations; `details` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_barge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "endpoint": "example text that is long enough"
                 *     }
                 */
                "application/json": components["schemas"]["BargeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BargeResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_hold: {
        parameters: {
            query?: {
                /** @description the agent (supervisors and admins; an agent acts on their own call) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "hold": true
                 *     }
                 */
                "application/json": components["schemas"]["HoldDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundHoldResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_consult: {
        parameters: {
            query?: {
                /** @description the agent (supervisors and admins; an agent acts on their own call) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "agent:3f2c8a1e-5b7d-4c9e-a1f0-2d6b8e4c7a90"
                 *     }
                 */
                "application/json": components["schemas"]["ConsultDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundConsultResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unprocessable: the number is outside the department's allowed destinations; `details` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_consultComplete: {
        parameters: {
            query?: {
                /** @description the agent (supervisors and admins; an agent acts on their own call) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundConsultResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_consultCancel: {
        parameters: {
            query?: {
                /** @description the agent (supervisors and admins; an agent acts on their own call) */
                agentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundConsultResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_listen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "endpoint": "PJSIP/agent-1999"
                 *     }
                 */
                "application/json": components["schemas"]["MonitorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonitorResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_whisper: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "endpoint": "PJSIP/agent-1999"
                 *     }
                 */
                "application/json": components["schemas"]["MonitorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonitorResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_endMonitor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
                channelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the supervisor's leg hung up */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_callbackRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackRequestResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_allowedDestinations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedDestinationsResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_setAllowedDestinations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "prefixes": [
                 *         "+4420",
                 *         "+336XXXXXXXX"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["AllowedDestinationsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedDestinationsResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_menus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IvrMenuResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_createMenu: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "choices": {
                 *         "1": {
                 *           "queueId": "3f2c8a1e-5b7d-4c9e-a1f0-2d6b8e4c7a90"
                 *         }
                 *       },
                 *       "name": "example text that is long enough",
                 *       "prompt": "example text that is long enough"
                 *     }
                 */
                "application/json": components["schemas"]["CreateIvrMenuDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IvrMenuResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Acd_menu: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IvrMenuResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_createFromBrief: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "preview"
                 *     }
                 */
                "application/json": components["schemas"]["NewCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_list: {
        parameters: {
            query?: {
                state?: "draft" | "pilot" | "pilot_review" | "running" | "paused" | "completed" | "cancelled" | "pilot_paused";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"][];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "preview",
                 *       "briefId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10"
                 *     }
                 */
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "name": "Renewals Q3 – wave 1",
                 *       "callerId": "+442071234567",
                 *       "scriptVersionId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10",
                 *       "requiredSkills": {
                 *         "french": 5
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["UpdateCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_updatePacing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "abandonCapPercent": 2.5,
                 *       "maxLinesPerAgent": 2
                 *     }
                 */
                "application/json": components["schemas"]["LivePacingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "draft"
                 *     }
                 */
                "application/json": components["schemas"]["TransitionCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_startPilot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["StartPilotDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_reviewPilot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_launch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["LaunchCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["CompleteCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_pilotSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PilotSummaryResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Campaigns_forecast: {
        parameters: {
            query?: {
                agents?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description null when the campaign has no deadline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastResponse"] | null;
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ContactLists_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ContactLists_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Renewals Q3"
                 *     }
                 */
                "application/json": components["schemas"]["CreateContactListDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ContactLists_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ContactLists_contacts: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactPageResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ContactLists_report: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON by default; with ?format=csv a CSV download (row, field, reason, raw) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportResponse"];
                    "text/csv": string;
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ContactLists_imports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportRecordResponse"][];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ContactLists_importReport: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON by default; with ?format=csv a CSV download (row, field, reason, raw) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportRecordReportResponse"];
                    "text/csv": string;
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ContactLists_import: {
        parameters: {
            query?: {
                /** @description XLSX: the sheet to import, name or 1-based number */
                sheet?: string;
                /** @description force the text encoding of a CSV (utf-8, utf-16le, gbk, big5, latin1...); default: detected */
                encoding?: string;
                /** @description JSON object: contact field → column name, e.g. {"phone":"Mobile"} */
                mapping?: string;
            };
            header?: {
                /** @description file name of a raw body (percent-encoded) */
                "x-file-name"?: string;
                /** @description gzip: the raw body is gzip-compressed */
                "content-encoding"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description the CSV or XLSX file
                     */
                    file: string;
                    /** @description JSON object: contact field → column name */
                    mapping?: string;
                    /** @description force the text encoding (as ?encoding=) */
                    encoding?: string;
                    /** @description XLSX: the sheet to import (as ?sheet=) */
                    sheet?: string;
                };
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
                /**
                 * @example {
                 *       "rows": [
                 *         {
                 *           "phone": "+447700900123",
                 *           "first_name": "Ada",
                 *           "last_name": "Lovelace",
                 *           "time_zone": "Europe/London"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ImportRowsBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummaryResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Scripts_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Scripts_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Renewal reminder"
                 *     }
                 */
                "application/json": components["schemas"]["CreateScriptDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptWithVersionsResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Scripts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptWithVersionsResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Scripts_addVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": {
                 *         "sections": [
                 *           {
                 *             "id": "intro",
                 *             "text": "Hello {{first_name}}, this is Acme calling about your renewal.",
                 *             "questions": [
                 *               {
                 *                 "id": "renew",
                 *                 "type": "single",
                 *                 "text": "Would you like to renew?",
                 *                 "options": [
                 *                   "yes",
                 *                   "no"
                 *                 ]
                 *               }
                 *             ],
                 *             "branches": [
                 *               {
                 *                 "when": {
                 *                   "question": "renew",
                 *                   "equals": "no"
                 *                 },
                 *                 "goto": "end"
                 *               }
                 *             ]
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AddVersionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptVersionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Scripts_getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptVersionResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Scripts_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "fields": {
                 *         "first_name": "Ada"
                 *       },
                 *       "contactId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10"
                 *     }
                 */
                "application/json": components["schemas"]["PreviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedScriptResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    HolidayCalendars_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolidayCalendarResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    HolidayCalendars_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "China 2026",
                 *       "dates": [
                 *         {
                 *           "date": "2026-10-01",
                 *           "name": "National Day"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateHolidayCalendarDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolidayCalendarResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    HolidayCalendars_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "name": "China 2026"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateHolidayCalendarDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolidayCalendarResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Dnc_list: {
        parameters: {
            query?: {
                /** @description digits of the number (substring), e.g. 138001 */
                q?: string;
                scope?: "global" | "department" | "campaign";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DncPageResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Dnc_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "e164": "+8613800138000",
                 *       "scope": "department"
                 *     }
                 */
                "application/json": components["schemas"]["AddDncDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DncEntryResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Dnc_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "numbers": [
                 *         "+8613800138000",
                 *         "+8613900139000"
                 *       ],
                 *       "scope": "department"
                 *     }
                 */
                "application/json": components["schemas"]["UploadDncDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DncUploadResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Dnc_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditLog_list: {
        parameters: {
            query?: {
                /** @description exact action, or a prefix ending in . (dnc.) */
                action?: string;
                entityType?: string;
                entityId?: string;
                actorId?: string;
                departmentId?: string;
                from?: string;
                to?: string;
                limit?: number;
                /** @description entries older than this id (the previous page's nextBefore) */
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_reviewQueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewQueueEntryResponse"][];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_list: {
        parameters: {
            query?: {
                status?: "draft" | "submitted" | "accepted" | "rejected" | "withdrawn" | "converted" | "completed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefResponse"][];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Renewal reminder",
                 *       "purpose": "Remind customers whose contract ends this quarter and offer the renewal.",
                 *       "deadline": "2030-06-30T17:00:00Z",
                 *       "contactPerson": {
                 *         "name": "Ann Example"
                 *       },
                 *       "windows": {
                 *         "weekdays": [
                 *           {
                 *             "day": "mon",
                 *             "ranges": [
                 *               {
                 *                 "from": "09:00",
                 *                 "to": "17:30"
                 *               }
                 *             ]
                 *           }
                 *         ],
                 *         "evenings": false,
                 *         "weekends": false,
                 *         "holidays": false,
                 *         "timeZone": "Europe/London"
                 *       },
                 *       "retryPolicy": {
                 *         "maxAttemptsPerContact": 1
                 *       },
                 *       "region": "GB"
                 *     }
                 */
                "application/json": components["schemas"]["CreateBriefDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefWithImportResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "title": "Renewal reminder",
                 *       "purpose": "Remind customers whose contract ends this quarter and offer the renewal.",
                 *       "rows": [
                 *         {
                 *           "phone": "+447700900123",
                 *           "first_name": "Ada",
                 *           "last_name": "Lovelace",
                 *           "time_zone": "Europe/London"
                 *         }
                 *       ],
                 *       "deadline": "2030-06-30T17:00:00Z",
                 *       "contactListId": "3f1c9e7a-5b2d-4c8e-9a1f-0d2b6c4e8a10",
                 *       "region": "GB"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateBriefDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefWithImportResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefStatusChangeResponse"][];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "comment": "accepted: pilot on Monday"
                 *     }
                 */
                "application/json": components["schemas"]["AcceptBriefDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Briefs_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "example text that is long enough"
                 *     }
                 */
                "application/json": components["schemas"]["RejectBriefDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description payload-too-large: the body exceeds this route’s limit (the message names it and the alternative) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unsupported-media-type: the body’s content type is not one this route takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Notifications_list: {
        parameters: {
            query?: {
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"][];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Notifications_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"];
                };
            };
            /** @description validation-failed: a field is invalid; `details` names each */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description unauthenticated: no token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description forbidden: the role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description not-found: no such resource in your departments */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description conflict or illegal-transition: the resource is not in a state that allows it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
}
