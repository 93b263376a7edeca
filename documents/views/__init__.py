"""Pages of documents: the list, creation, the preview with its workflow, editing the tenant's own words,
downloads, the director's inbox, and the municipality's roadmap inbox with agreement and remarks.

The same classes serve a school (``/o/<org>/documents/…``) and a municipality's own documents
(``/m/<muni>/documents/…``); each view declares the capability of either level and reads its level from
``request.tenant`` (``level``). Views parse input and call ``documents.services``; a refusal is shown as a
message and changes nothing. By concern: ``pages`` (list, create, detail, edit), ``actions`` (workflow steps,
downloads, the inbox), ``municipal`` (the department's side), ``requisites``, ``publishing`` (the settings of
the site's «Наставничество» section) and ``public`` (that section as anyone reads it, without a login).
"""
